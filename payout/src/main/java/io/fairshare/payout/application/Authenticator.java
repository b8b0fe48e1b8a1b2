package io.fairshare.payout.application;

import io.fairshare.payout.config.PayoutSettings;
import io.fairshare.service.rest.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator's bearer token, from {@code fairshare.payout.operator-token}: every payout API call needs it
 * (payout's reads show bank accounts and amounts owed). Compared by SHA-256 in constant time.
 */
@ApplicationScoped
public class Authenticator {
    private final byte[] operator;

    public Authenticator(PayoutSettings settings) {
        this.operator = settings.operatorToken().filter(t -> !t.isBlank()).map(Authenticator::sha256).orElse(null);
    }

    /** Returns when the header carries the operator token; 401 otherwise. */
    public void operator(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() == 7) {
            throw ApiProblem.unauthorized("send Authorization: Bearer <operator token>");
        }
        byte[] presented = sha256(authorization.substring(7).trim());
        if (operator == null || !MessageDigest.isEqual(operator, presented)) {
            throw ApiProblem.unauthorized("unknown token");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
