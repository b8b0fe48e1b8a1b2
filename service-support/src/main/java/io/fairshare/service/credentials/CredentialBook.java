package io.fairshare.service.credentials;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.Scope;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The party and auditor credentials a service has learnt from {@code fairshare.credentials.v1}, by key id. The
 * record of the higher revision wins (at equal revision a revoked one), so a replayed or reordered record never
 * brings a revoked key back. {@link #find(String)} answers the caller of a presented {@code fsp_} or {@code fsa_}
 * token: unknown, revoked, expired or not yet valid credentials are no caller; the secret is compared with the
 * stored SHA-256 in constant time. Plain Java, thread-safe: one writer (the topic reader), any number of readers.
 */
public final class CredentialBook {
    private final ConcurrentHashMap<String, CredentialV1> byKeyId = new ConcurrentHashMap<>();
    private final Clock clock;

    public CredentialBook() {
        this(Clock.systemUTC());
    }

    public CredentialBook(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code c} unless a newer record of its key is known; returns whether it changed anything. */
    public boolean learn(CredentialV1 c) {
        boolean[] changed = {false};
        byKeyId.compute(c.keyId(), (k, old) -> {
            if (old == null || newer(c, old)) {
                changed[0] = !c.equals(old);
                return c;
            }
            return old;
        });
        return changed[0];
    }

    /** Forgets a key (a tombstone on the compacted topic). */
    public void forget(String keyId) {
        byKeyId.remove(keyId);
    }

    public Optional<CredentialV1> credential(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    public List<CredentialV1> all() {
        return List.copyOf(byKeyId.values());
    }

    public int size() {
        return byKeyId.size();
    }

    /** The caller of a presented party or auditor token; empty when it is not a currently valid credential. */
    public Optional<Caller> find(String token) {
        for (BearerKeys kind : new BearerKeys[] {BearerKeys.PARTY, BearerKeys.AUDITOR}) {
            Optional<BearerKeys.Presented> p = kind.parse(token);
            if (p.isPresent()) {
                CredentialV1 c = byKeyId.get(p.get().keyId());
                return c == null ? Optional.empty() : callerOf(c, kind, p.get().secret(), clock);
            }
        }
        return Optional.empty();
    }

    /**
     * The caller a credential makes of a presented secret of {@code kind}: empty unless the credential is of that
     * kind, valid now, and the secret's SHA-256 equals its {@code secretSha256} (constant time).
     */
    public static Optional<Caller> callerOf(CredentialV1 c, BearerKeys kind, String secret, Clock clock) {
        if (c.kind() != kind || c.secretSha256() == null || c.secretSha256().length() != 64 || !c.validAt(clock.instant())) {
            return Optional.empty();
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(c.secretSha256());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!BearerKeys.matches(secret, stored)) {
            return Optional.empty();
        }
        return Optional.of(caller(c));
    }

    /** The caller a valid credential stands for: a party with its id, or an auditor named by its subject, with its scope. */
    public static Caller caller(CredentialV1 c) {
        if (CredentialV1.AUDITOR.equals(c.role())) {
            return new Caller(c.subjectId(), Roles.AUDITOR, c.subjectId(), Scope.of(c.platforms(), c.periods()));
        }
        return new Caller(c.subjectId(), Roles.PARTY, c.subjectId());
    }

    private static boolean newer(CredentialV1 c, CredentialV1 old) {
        return c.revision() > old.revision() || c.revision() == old.revision() && c.revoked() && !old.revoked();
    }
}
