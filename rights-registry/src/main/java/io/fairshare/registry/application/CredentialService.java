package io.fairshare.registry.application;

import io.fairshare.contracts.Topics;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.registry.persistence.CredentialStore;
import io.fairshare.registry.persistence.CredentialStore.StoredCredential;
import io.fairshare.service.Outages;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.credentials.CredentialJson;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Issues and revokes party and auditor credentials, the way the authority issues society keys: a fresh
 * {@link BearerKeys} token shown once, only the SHA-256 of its secret stored. Each issue or revocation stores the
 * credential, its audit entry and its outbox row ({@link Topics#CREDENTIALS}, key = key id) in one transaction;
 * the outbox relay publishes it. Who may:
 * <ul>
 *   <li>a party key: the operator (for any party the catalogue knows) or a society (for its members only: a party
 *       whose record it registered or who holds a mandate with it); anything else is 404, so that a society learns
 *       nothing about parties that are not its members;</li>
 *   <li>an auditor key: the operator alone, with an explicit scope (platforms and periods, {@code *} for all) and
 *       an expiry;</li>
 *   <li>a revocation: the operator, or the society that issued the key (404 for any other key).</li>
 * </ul>
 */
@ApplicationScoped
public class CredentialService {
    /** A credential just issued, with its token (shown once). */
    public record Issued(CredentialV1 credential, String token) {
    }

    private final CredentialStore store;
    private final ChangeRelay relay;
    private final CredentialKeys keys;
    private final Clock clock = Clock.systemUTC();

    public CredentialService(CredentialStore store, ChangeRelay relay, CredentialKeys keys) {
        this.store = store;
        this.relay = relay;
        this.keys = keys;
    }

    /** A party key for {@code partyId}; {@code notBefore} null = now, {@code expiresAt} null = no expiry. */
    public Issued issuePartyKey(Caller caller, String partyId, Instant notBefore, Instant expiresAt) {
        if (!caller.isOperator() && !caller.is(Roles.SOCIETY)) {
            throw ApiProblem.forbidden("only the registry authority or a society may issue party credentials");
        }
        Instant from = notBefore == null ? clock.instant() : notBefore;
        checkExpiry(from, expiresAt, false);
        BearerKeys.NewKey key = BearerKeys.PARTY.generate();
        String society = caller.isOperator() ? null : caller.id();
        CredentialV1 c = new CredentialV1(key.keyId(), CredentialV1.PARTY, partyId, caller.isOperator() ? caller.name() : caller.id(),
                society, List.of(), List.of(), HexFormat.of().formatHex(key.secretHash()), from, expiresAt, false, 1);
        CredentialV1 stored = transact(() -> {
            boolean visible = society == null ? store.partyKnown(partyId) : store.isMember(partyId, society);
            if (!visible) {
                throw noSuchParty(partyId);
            }
            return issue(caller, c);
        });
        relay.nudge();
        return new Issued(stored, key.token());
    }

    /** An auditor key, by the operator alone, scoped to {@code platforms} and {@code periods} ({@code *} for all). */
    public Issued issueAuditorKey(Caller caller, String name, List<String> platforms, List<String> periods, Instant notBefore,
                                  Instant expiresAt) {
        if (!caller.isOperator()) {
            throw ApiProblem.forbidden("only the registry authority may issue auditor credentials");
        }
        Instant from = notBefore == null ? clock.instant() : notBefore;
        checkExpiry(from, expiresAt, true);
        BearerKeys.NewKey key = BearerKeys.AUDITOR.generate();
        CredentialV1 c = new CredentialV1(key.keyId(), CredentialV1.AUDITOR, name, caller.name(), null, platforms, periods,
                HexFormat.of().formatHex(key.secretHash()), from, expiresAt, false, 1);
        CredentialV1 stored = transact(() -> issue(caller, c));
        relay.nudge();
        return new Issued(stored, key.token());
    }

    /** Revokes a key: the operator any, a society those it issued; 404 for every other key. Revoking twice is a no-op. */
    public CredentialV1 revoke(Caller caller, String keyId) {
        CredentialV1 out = transact(() -> {
            StoredCredential s = store.find(keyId).filter(k -> mayManage(caller, k)).orElseThrow(() -> noSuchKey(keyId));
            CredentialV1 current = CredentialJson.read(s.doc());
            if (s.revoked()) {
                return current;
            }
            CredentialV1 revoked = current.revoke();
            String json = CredentialJson.write(revoked);
            store.revoke(keyId, json, clock.instant());
            store.audit(caller.name(), caller.role(), "REVOKE", keyId, view(current), view(revoked));
            store.outbox(Topics.CREDENTIALS, keyId, json);
            return revoked;
        });
        keys.evict(keyId);
        relay.nudge();
        return out;
    }

    /** The credentials the caller may see: the operator all, a society those it issued. */
    public List<CredentialV1> list(Caller caller) {
        if (!caller.isOperator() && !caller.is(Roles.SOCIETY)) {
            throw ApiProblem.forbidden("only the registry authority or a society may list credentials");
        }
        return transact(() -> store.list(caller.isOperator() ? null : caller.id()).stream().map(s -> CredentialJson.read(s.doc())).toList());
    }

    private CredentialV1 issue(Caller caller, CredentialV1 c) {
        String json = CredentialJson.write(c);
        store.insert(c.keyId(), c.role(), c.subjectId(), c.issuedBy(), c.societyId(), json);
        store.audit(caller.name(), caller.role(), "ISSUE", c.keyId(), null, view(c));
        store.outbox(Topics.CREDENTIALS, c.keyId(), json);
        return c;
    }

    private static boolean mayManage(Caller caller, StoredCredential s) {
        return caller.isOperator() || caller.is(Roles.SOCIETY) && caller.id().equals(s.societyId());
    }

    /** The audit form of a credential: everything but the secret's hash. */
    private static String view(CredentialV1 c) {
        return CredentialJson.write(new CredentialV1(c.keyId(), c.role(), c.subjectId(), c.issuedBy(), c.societyId(), c.platforms(),
                c.periods(), null, c.notBefore(), c.expiresAt(), c.revoked(), c.revision()));
    }

    private void checkExpiry(Instant from, Instant expiresAt, boolean required) {
        if (expiresAt == null) {
            if (required) {
                throw ApiProblem.invalid("expiresAt is required", List.of(new io.fairshare.contracts.errors.FieldError("expiresAt", "REQUIRED",
                        "an auditor credential needs an expiry (an ISO instant, e.g. 2027-03-01T00:00:00Z)")));
            }
            return;
        }
        if (!expiresAt.isAfter(from) || !expiresAt.isAfter(clock.instant())) {
            throw ApiProblem.invalid("expiresAt is not in the future", List.of(new io.fairshare.contracts.errors.FieldError("expiresAt",
                    "DATE_RANGE", "expiresAt must be after notBefore and after now")));
        }
    }

    private static ApiProblem noSuchParty(String partyId) {
        return ApiProblem.notFound("party " + partyId + " does not exist");
    }

    private static ApiProblem noSuchKey(String keyId) {
        return ApiProblem.notFound("credential " + keyId + " does not exist");
    }

    private static <T> T transact(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (StorageException e) {
            throw Outages.isOutage(e) ? new ServiceUnavailableException("the credential store (PostgreSQL) is unavailable", e) : e;
        }
    }
}
