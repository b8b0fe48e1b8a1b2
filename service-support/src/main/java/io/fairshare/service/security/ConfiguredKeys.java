package io.fairshare.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens from configuration, each held only as its SHA-256 and compared in constant time
 * with every configured key on every lookup (the time taken says nothing about which key, if any,
 * matched). A configured value is the token itself or {@code sha256:<hex>} of it.
 */
public final class ConfiguredKeys {
    private record Key(byte[] digest, Caller caller) {
    }

    private final List<Key> keys = new ArrayList<>();

    /** Adds one key per entry of {@code tokensById}, each a caller of {@code role} with that id. */
    public ConfiguredKeys add(String role, Map<String, String> tokensById) {
        tokensById.forEach((id, token) -> add(Caller.of(role, id), token));
        return this;
    }

    public ConfiguredKeys add(Caller caller, String token) {
        if (token != null && !token.isBlank()) {
            keys.add(new Key(digestOf(token.trim()), caller));
        }
        return this;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public Optional<Caller> find(String presented) {
        byte[] d = sha256(presented);
        Caller found = null;
        for (Key k : keys) {
            if (MessageDigest.isEqual(k.digest(), d) && found == null) {
                found = k.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digestOf(String configured) {
        if (configured.regionMatches(true, 0, "sha256:", 0, 7)) {
            byte[] d = HexFormat.of().parseHex(configured.substring(7).trim());
            if (d.length != 32) {
                throw new IllegalArgumentException("a sha256: key must be 64 hex characters");
            }
            return d;
        }
        return sha256(configured);
    }

    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
