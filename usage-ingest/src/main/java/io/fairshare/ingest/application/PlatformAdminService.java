package io.fairshare.ingest.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.ingest.persistence.AdminAuditEntity;
import io.fairshare.ingest.persistence.ApiKeyEntity;
import io.fairshare.ingest.persistence.PlatformEntity;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The operator's use cases: platforms and their API keys (create, rotate, revoke). Every change is
 * audited with its actor in the same transaction.
 */
@ApplicationScoped
public class PlatformAdminService {
    private static final Logger LOG = Logger.getLogger(PlatformAdminService.class);
    public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(30);

    /** A key as the operator sees it: never its secret. */
    public record KeyView(String keyId, String platformId, Instant createdAt, Instant expiresAt, Instant revokedAt, String status) {
        static KeyView of(ApiKeyEntity k, Instant now) {
            String status = k.revokedAt != null && !k.revokedAt.isAfter(now) ? "revoked"
                    : k.expiresAt != null && !k.expiresAt.isAfter(now) ? "expired"
                    : k.expiresAt != null ? "expiring" : "active";
            return new KeyView(k.keyId, k.platformId, k.createdAt, k.expiresAt, k.revokedAt, status);
        }
    }

    /** A newly issued key: {@code token} is shown once. */
    public record IssuedKey(KeyView key, String token) {
    }

    public record PlatformView(String id, String name, Instant createdAt) {
    }

    /** One audited change. */
    public record AuditView(long id, Instant at, String actorName, String actorRole, String action, String subject, String detail) {
    }

    private final PlatformKeys keys;

    public PlatformAdminService(PlatformKeys keys) {
        this.keys = keys;
    }

    /** Empty if the id is taken. */
    @Transactional
    public Optional<PlatformView> createPlatform(Caller actor, String id, String name) {
        if (PlatformEntity.findById(id) != null) {
            return Optional.empty();
        }
        PlatformEntity p = new PlatformEntity();
        p.id = id;
        p.name = name;
        p.createdAt = Instant.now();
        p.persist();
        audit(actor, "CREATE_PLATFORM", id, "name=" + name);
        LOG.infof("platform %s created by %s", id, actor.actor());
        return Optional.of(new PlatformView(p.id, p.name, p.createdAt));
    }

    @Transactional
    public Optional<PlatformView> platform(String id) {
        PlatformEntity p = PlatformEntity.findById(id);
        return Optional.ofNullable(p).map(e -> new PlatformView(e.id, e.name, e.createdAt));
    }

    @Transactional
    public List<PlatformView> platforms() {
        return PlatformEntity.<PlatformEntity>listAll().stream().map(e -> new PlatformView(e.id, e.name, e.createdAt)).toList();
    }

    /** Empty if the platform does not exist. */
    @Transactional
    public Optional<IssuedKey> createKey(Caller actor, String platformId) {
        if (PlatformEntity.findById(platformId) == null) {
            return Optional.empty();
        }
        return Optional.of(issue(actor, platformId, Instant.now()));
    }

    /**
     * Issues a new key and lets the old one work until now + grace, so that the platform can roll
     * its deployment. Empty if no such usable key of that platform exists.
     */
    @Transactional
    public Optional<IssuedKey> rotateKey(Caller actor, String platformId, String keyId, Duration grace) {
        Instant now = Instant.now();
        ApiKeyEntity old = ApiKeyEntity.findById(keyId);
        if (old == null || !old.platformId.equals(platformId) || !old.usableAt(now)) {
            return Optional.empty();
        }
        Instant until = now.plus(grace);
        if (old.expiresAt == null || old.expiresAt.isAfter(until)) {
            old.expiresAt = until;
        }
        keys.evict(keyId);
        audit(actor, "ROTATE_KEY", platformId, "key " + keyId + " expires at " + old.expiresAt);
        LOG.infof("platform %s: key %s rotated by %s; it expires at %s", platformId, keyId, actor.actor(), old.expiresAt);
        return Optional.of(issue(actor, platformId, now));
    }

    /** Revokes at once. Empty if no such key of that platform exists. */
    @Transactional
    public Optional<KeyView> revokeKey(Caller actor, String platformId, String keyId) {
        Instant now = Instant.now();
        ApiKeyEntity k = ApiKeyEntity.findById(keyId);
        if (k == null || !k.platformId.equals(platformId)) {
            return Optional.empty();
        }
        if (k.revokedAt == null) {
            k.revokedAt = now;
        }
        keys.evict(keyId);
        audit(actor, "REVOKE_KEY", platformId, "key " + keyId + " revoked at " + k.revokedAt);
        LOG.infof("platform %s: key %s revoked by %s", platformId, keyId, actor.actor());
        return Optional.of(KeyView.of(k, now));
    }

    @Transactional
    public Optional<List<KeyView>> keys(String platformId) {
        if (PlatformEntity.findById(platformId) == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return Optional.of(ApiKeyEntity.forPlatform(platformId).stream().map(k -> KeyView.of(k, now)).toList());
    }

    /** The audited changes of a platform and its keys, oldest first; empty if the platform does not exist. */
    @Transactional
    public Optional<List<AuditView>> audit(String platformId) {
        if (PlatformEntity.findById(platformId) == null) {
            return Optional.empty();
        }
        return Optional.of(AdminAuditEntity.forSubject(platformId).stream()
                .map(a -> new AuditView(a.id, a.at, a.actorName, a.actorRole, a.action, a.subject, a.detail)).toList());
    }

    private static void audit(Caller actor, String action, String subject, String detail) {
        AdminAuditEntity a = new AdminAuditEntity();
        a.at = Instant.now();
        a.actorName = actor.name();
        a.actorRole = actor.role();
        a.action = action;
        a.subject = subject;
        a.detail = detail;
        a.persist();
    }

    private static IssuedKey issue(Caller actor, String platformId, Instant now) {
        BearerKeys.NewKey nk = BearerKeys.PLATFORM.generate();
        ApiKeyEntity k = new ApiKeyEntity();
        k.keyId = nk.keyId();
        k.platformId = platformId;
        k.secretHash = nk.secretHash();
        k.createdAt = now;
        k.persist();
        audit(actor, "ISSUE_KEY", platformId, "key " + k.keyId + " issued");
        LOG.infof("platform %s: key %s issued by %s", platformId, k.keyId, actor.actor());
        return new IssuedKey(KeyView.of(k, now), nk.token());
    }
}
