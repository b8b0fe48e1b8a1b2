package io.fairshare.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Applies the Flyway migrations in {@code db/migration} at start-up, before anything serves.
 * (Plain Flyway: the quarkus-flyway extension is not available for this Quarkus version here.)
 */
@ApplicationScoped
public class DatabaseMigrations {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class);

    void migrate(@Observes @Priority(1) StartupEvent event, AgroalDataSource dataSource) {
        MigrateResult r = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("database schema at version %s (%d migration(s) applied now)", r.targetSchemaVersion, r.migrationsExecuted);
    }
}
