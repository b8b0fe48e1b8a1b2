package io.fairshare.ingest.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.persistence.ApiKeyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a bearer API key into the platform id it belongs to. Lookups are cached for
 * {@code fairshare.ingest.key-cache-ttl}, so a revocation or an expiry reaches every instance
 * within that time; unknown key ids are cached too, so guessing costs no database round trip.
 */
@ApplicationScoped
public class PlatformAuthenticator {
    private static final int MAX_CACHED = 100_000;

    private record Cached(String platformId, byte[] hash, Instant usableUntil, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public PlatformAuthenticator(IngestConfig config) {
        this.ttlNanos = config.keyCacheTtl().toNanos();
    }

    /** The platform of a valid, unrevoked, unexpired key; empty otherwise. */
    public Optional<String> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Optional<BearerKeys.Presented> presented = BearerKeys.PLATFORM.parse(authorizationHeader.substring(7).trim());
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        BearerKeys.Presented p = presented.get();
        long now = System.nanoTime();
        Cached c = cache.get(p.keyId());
        if (c == null || now - c.loadedAt() > ttlNanos) {
            c = load(p.keyId(), now);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(p.keyId(), c);
        }
        if (c.platformId() == null || !BearerKeys.matches(p.secret(), c.hash())
                || (c.usableUntil() != null && !c.usableUntil().isAfter(Instant.now()))) {
            return Optional.empty();
        }
        return Optional.of(c.platformId());
    }

    /** Forgets a key at once in this instance (others follow within the cache TTL). */
    public void evict(String keyId) {
        cache.remove(keyId);
    }

    private static Cached load(String keyId, long now) {
        ApiKeyEntity k;
        try {
            k = ApiKeyEntity.findById(keyId);
        } catch (PersistenceException e) {
            throw new ServiceUnavailableException("the key store (PostgreSQL) is unavailable", e);
        }
        if (k == null) {
            return new Cached(null, null, null, now);
        }
        Instant until = k.revokedAt;
        if (k.expiresAt != null && (until == null || k.expiresAt.isBefore(until))) {
            until = k.expiresAt;
        }
        return new Cached(k.platformId, k.secretHash, until, now);
    }
}
