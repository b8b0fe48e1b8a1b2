package io.fairshare.contracts.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The API key format every Fairshare service uses: {@code <prefix><keyId>_<secret>}. The keyId is
 * 16 hex characters (public, used to find the key); the secret is 32 random bytes in base64url
 * (256 bits of entropy). Only the SHA-256 of the secret is stored. A slow password hash (bcrypt,
 * Argon2) buys nothing for a 256-bit random secret, which cannot be guessed, and would cost
 * milliseconds per request. The prefix tells the kinds apart: a platform key can never pass as a
 * society key.
 */
public final class BearerKeys {
    /** Platforms' keys, issued by usage-ingest's operator API. */
    public static final BearerKeys PLATFORM = new BearerKeys("fsk_");
    /** Societies' keys, issued by the registry authority. */
    public static final BearerKeys SOCIETY = new BearerKeys("fsr_");
    /** Rights holders' keys, issued by the registry authority or the party's society ({@link CredentialV1}). */
    public static final BearerKeys PARTY = new BearerKeys("fsp_");
    /** Auditors' read-only keys, scoped to platforms and periods, issued by the registry authority ({@link CredentialV1}). */
    public static final BearerKeys AUDITOR = new BearerKeys("fsa_");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final int length;

    private BearerKeys(String prefix) {
        this.prefix = prefix;
        this.length = prefix.length() + 16 + 1 + 43;
    }

    /** A freshly generated key; {@code token} is shown once and never stored. */
    public record NewKey(String keyId, String token, byte[] secretHash) {
    }

    /** A presented token split into its parts. */
    public record Presented(String keyId, String secret) {
    }

    public String prefix() {
        return prefix;
    }

    public NewKey generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String s = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(keyId, prefix + keyId + "_" + s, hash(s));
    }

    /** The parts of a presented token; empty when it is not a key of this kind at all. */
    public Optional<Presented> parse(String token) {
        if (token == null || token.length() != length || !token.startsWith(prefix) || token.charAt(prefix.length() + 16) != '_') {
            return Optional.empty();
        }
        String keyId = token.substring(prefix.length(), prefix.length() + 16);
        if (!keyId.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(new Presented(keyId, token.substring(prefix.length() + 17)));
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
