package io.fairshare.registry.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.registry.config.RegistryConfig;
import io.fairshare.registry.persistence.CatalogueStore;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.TtlCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The societies' API keys ({@link BearerKeys#SOCIETY}, issued when the authority creates a society)
 * as the shared identity provider asks for them: an unrevoked key is a caller of role society with
 * the society's id. Lookups are cached for {@code fairshare.registry.key-cache-ttl}, unknown key ids too.
 */
@ApplicationScoped
public class SocietyKeys implements ApiKeyDirectory {
    private static final int MAX_CACHED = 100_000;

    private record StoredKey(String societyId, byte[] hash) {
    }

    private final TtlCache<String, StoredKey> cache;

    public SocietyKeys(RegistryConfig config, CatalogueStore store) {
        this.cache = new TtlCache<>(config.keyCacheTtl(), MAX_CACHED, keyId -> {
            try {
                Object[] row = store.societyKey(keyId);
                return row == null ? Optional.empty() : Optional.of(new StoredKey((String) row[0], (byte[]) row[1]));
            } catch (StorageException e) {
                throw new ServiceUnavailableException("the key store (PostgreSQL) is unavailable", e);
            }
        });
    }

    @Override
    public Optional<Caller> find(String token) {
        return BearerKeys.SOCIETY.parse(token).flatMap(p -> cache.get(p.keyId())
                .filter(k -> BearerKeys.matches(p.secret(), k.hash()))
                .map(k -> Caller.of(Roles.SOCIETY, k.societyId())));
    }
}
