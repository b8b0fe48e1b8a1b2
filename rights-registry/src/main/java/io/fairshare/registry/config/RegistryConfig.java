package io.fairshare.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The registry's own settings ({@code fairshare.registry.*}); see the README. */
@ConfigMapping(prefix = "fairshare.registry")
public interface RegistryConfig {
    /**
     * Bearer token of the registry authority (manages societies, licences, reservations), read as
     * {@code fairshare.security.operator-tokens} (list several there to rotate). Unset: no authority access.
     */
    Optional<String> authorityToken();

    /** How long a society key lookup is cached; a revocation reaches every instance within this. */
    @WithDefault("PT5S")
    java.time.Duration keyCacheTtl();

    Changes changes();

    Importing imports();

    interface Changes {
        /** Partitions of fairshare.registry.changes.v1 when this service creates it. */
        @WithDefault("4")
        int partitions();

        /** Outbox rows published per relay transaction. */
        @WithDefault("1000")
        int relayBatch();
    }

    interface Importing {
        /** Catalogue changes written per transaction during an import. */
        @WithDefault("1000")
        int batchSize();
    }
}
