package io.fairshare.settlement.application;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.config.SettlementSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens of the settlement read side, from configuration: the operator token, and one key per
 * society and per platform. Tokens are compared by their SHA-256 in constant time, every configured
 * key each time. The registry and usage-ingest own the real key lifecycles; these keys only open
 * settlement's statements.
 */
@ApplicationScoped
public class Authenticator {
    private record Key(byte[] digest, Caller caller) {
    }

    private final List<Key> keys = new ArrayList<>();

    public Authenticator(SettlementSettings settings) {
        settings.operatorToken().filter(t -> !t.isBlank()).ifPresent(t -> keys.add(new Key(sha256(t), new Caller(Caller.Role.OPERATOR, "operator"))));
        for (Map.Entry<String, String> e : settings.societyKeys().entrySet()) {
            keys.add(new Key(sha256(e.getValue()), new Caller(Caller.Role.SOCIETY, e.getKey())));
        }
        for (Map.Entry<String, String> e : settings.platformKeys().entrySet()) {
            keys.add(new Key(sha256(e.getValue()), new Caller(Caller.Role.PLATFORM, e.getKey())));
        }
    }

    /** The caller of an {@code Authorization} header; 401 if it is missing or matches no key. */
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() == 7) {
            throw ApiProblem.unauthorized("send Authorization: Bearer <key>");
        }
        byte[] presented = sha256(authorization.substring(7).trim());
        Caller found = null;
        for (Key k : keys) {
            if (MessageDigest.isEqual(k.digest(), presented) && found == null) {
                found = k.caller();
            }
        }
        if (found == null) {
            throw ApiProblem.unauthorized("unknown key");
        }
        return found;
    }

    /** The caller, who must be the operator (403 otherwise). */
    public Caller operator(String authorization) {
        Caller c = authenticate(authorization);
        if (!c.isOperator()) {
            throw ApiProblem.forbidden("this operation needs the operator token");
        }
        return c;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
