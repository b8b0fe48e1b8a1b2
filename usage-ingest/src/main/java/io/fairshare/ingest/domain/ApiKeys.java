package io.fairshare.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Platform API keys: {@code fsk_<keyId>_<secret>}, where keyId is 16 hex characters (public, used
 * to find the key) and secret is 32 random bytes in base64url (256 bits of entropy). Only the
 * SHA-256 of the secret is stored. A slow password hash (bcrypt, Argon2) buys nothing for a
 * 256-bit random secret, which cannot be guessed, and would cost milliseconds per request.
 */
public final class ApiKeys {
    public static final String PREFIX = "fsk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A freshly generated key; {@code token} is shown to the operator once and never stored. */
    public record NewKey(String keyId, String token, byte[] secretHash) {
    }

    /** A presented token split into its parts. */
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

    /** Parses a bearer token; empty when it is not of the key form at all. */
    public static Optional<Presented> parse(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 16 + 1 + 43) {
            return Optional.empty();
        }
        String keyId = token.substring(PREFIX.length(), PREFIX.length() + 16);
        if (token.charAt(PREFIX.length() + 16) != '_' || !keyId.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
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
