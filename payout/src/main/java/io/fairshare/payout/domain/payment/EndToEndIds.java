package io.fairshare.payout.domain.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * End-to-end ids: deterministic from run id, society and currency, so that planning a run again yields the
 * same ids, and a retried payment in a later run gets a new one. {@code FS} + the first 30 hex digits of
 * SHA-256 of {@code runId \n societyId \n currency}: 32 characters, inside pain.001's Max35Text.
 */
public final class EndToEndIds {
    private EndToEndIds() {
    }

    public static String of(String runId, String societyId, String currency) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((runId + "\n" + societyId + "\n" + currency).getBytes(StandardCharsets.UTF_8));
            return "FS" + HexFormat.of().withUpperCase().formatHex(digest).substring(0, 30);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
