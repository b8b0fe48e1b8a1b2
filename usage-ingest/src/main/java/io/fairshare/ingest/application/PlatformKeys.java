package io.fairshare.ingest.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.persistence.ApiKeyEntity;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.TtlCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * The platforms' API keys ({@link BearerKeys#PLATFORM}) as the shared identity provider asks for
 * them: a valid, unrevoked, unexpired key is a caller of role platform with the platform's id.
 * Lookups are cached for {@code fairshare.ingest.key-cache-ttl}, unknown key ids too.
 */
@ApplicationScoped
public class PlatformKeys implements ApiKeyDirectory {
    private static final int MAX_CACHED = 100_000;

    private record StoredKey(String platformId, byte[] hash, Instant usableUntil) {
    }

    private final TtlCache<String, StoredKey> cache;

    public PlatformKeys(IngestConfig config) {
        this.cache = new TtlCache<>(config.keyCacheTtl(), MAX_CACHED, PlatformKeys::load);
    }

    @Override
    public Optional<Caller> find(String token) {
        Optional<BearerKeys.Presented> presented = BearerKeys.PLATFORM.parse(token);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        BearerKeys.Presented p = presented.get();
        return cache.get(p.keyId())
                .filter(k -> BearerKeys.matches(p.secret(), k.hash()))
                .filter(k -> k.usableUntil() == null || k.usableUntil().isAfter(Instant.now()))
                .map(k -> new Caller(p.keyId(), Roles.PLATFORM, k.platformId()));
    }

    /** Forgets a key at once in this instance (others follow within the cache TTL). */
    public void evict(String keyId) {
        cache.evict(keyId);
    }

    private static Optional<StoredKey> load(String keyId) {
        ApiKeyEntity k;
        try {
            k = QuarkusTransaction.joiningExisting().call(() -> ApiKeyEntity.findById(keyId));
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            throw new ServiceUnavailableException("the key store (PostgreSQL) is unavailable", e);
        }
        if (k == null) {
            return Optional.empty();
        }
        Instant until = k.revokedAt;
        if (k.expiresAt != null && (until == null || k.expiresAt.isBefore(until))) {
            until = k.expiresAt;
        }
        return Optional.of(new StoredKey(k.platformId, k.secretHash, until));
    }
}
