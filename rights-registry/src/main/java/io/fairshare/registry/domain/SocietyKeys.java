package io.fairshare.registry.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Society API keys: {@code fsr_<keyId>_<secret>}, keyId 16 hex characters (public, finds the key), secret 32 random
 * bytes in base64url (256 bits). Only the SHA-256 of the secret is stored: a slow password hash buys nothing for a
 * secret that cannot be guessed. Same scheme as usage-ingest's platform keys, with its own prefix.
 */
public final class SocietyKeys {
    public static final String PREFIX = "fsr_";
    private static final int LENGTH = PREFIX.length() + 16 + 1 + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SocietyKeys() {
    }

    /** A fresh key; {@code token} is shown once and never stored. */
    public record NewKey(String keyId, String token, byte[] secretHash) {
    }

    public record Presented(String keyId, String secret) {
    }

    public static NewKey generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String s = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(keyId, PREFIX + keyId + "_" + s, hash(s));
    }

    /** The parts of a presented token; empty when it is not of the key form. */
    public static Optional<Presented> parse(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)
                || token.charAt(PREFIX.length() + 16) != '_') {
            return Optional.empty();
        }
        String keyId = token.substring(PREFIX.length(), PREFIX.length() + 16);
        if (!keyId.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(new Presented(keyId, token.substring(PREFIX.length() + 17)));
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret), storedHash);
    }
}
