package io.fairshare.registry.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.registry.config.RegistryConfig;
import io.fairshare.registry.persistence.CredentialStore;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.credentials.CredentialBook;
import io.fairshare.service.credentials.CredentialJson;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.TtlCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * The party and auditor keys this registry issued, as the shared identity provider asks for them (a party reads
 * its own record here with its key): looked up in {@code credential} by key id, cached for
 * {@code fairshare.registry.key-cache-ttl} like society keys, checked by {@link CredentialBook#callerOf} (valid now,
 * secret hash equal in constant time). A revocation evicts the key on this instance at once.
 */
@ApplicationScoped
public class CredentialKeys implements ApiKeyDirectory {
    private static final int MAX_CACHED = 100_000;

    private final TtlCache<String, CredentialV1> cache;
    private final Clock clock = Clock.systemUTC();

    public CredentialKeys(RegistryConfig config, CredentialStore store) {
        this.cache = new TtlCache<>(config.keyCacheTtl(), MAX_CACHED, keyId -> {
            try {
                return store.find(keyId).map(s -> CredentialJson.read(s.doc()));
            } catch (StorageException e) {
                throw new ServiceUnavailableException("the key store (PostgreSQL) is unavailable", e);
            }
        });
    }

    @Override
    public Optional<Caller> find(String token) {
        for (BearerKeys kind : new BearerKeys[] {BearerKeys.PARTY, BearerKeys.AUDITOR}) {
            Optional<BearerKeys.Presented> p = kind.parse(token);
            if (p.isPresent()) {
                return cache.get(p.get().keyId()).flatMap(c -> CredentialBook.callerOf(c, kind, p.get().secret(), clock));
            }
        }
        return Optional.empty();
    }

    void evict(String keyId) {
        cache.evict(keyId);
    }
}
