package io.fairshare.settlement.application;

import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.ConfiguredKeys;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.config.SettlementSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Settlement's read keys from configuration: one per society and per platform (the registry and
 * usage-ingest own the real key lifecycles; these keys only open settlement's statements).
 */
@ApplicationScoped
public class SettlementKeys implements ApiKeyDirectory {
    private final ConfiguredKeys keys = new ConfiguredKeys();

    public SettlementKeys(SettlementSettings settings) {
        keys.add(Roles.SOCIETY, settings.societyKeys()).add(Roles.PLATFORM, settings.platformKeys());
    }

    @Override
    public Optional<Caller> find(String token) {
        return keys.find(token);
    }
}
