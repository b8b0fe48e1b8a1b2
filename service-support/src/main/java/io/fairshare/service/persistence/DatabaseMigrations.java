package io.fairshare.service.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Applies the service's Flyway migrations ({@code src/main/resources/db/migration}) at start-up,
 * before it serves. Plain Flyway: there is no quarkus-flyway build for Quarkus 3.37.0 in the
 * registry this project builds from.
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
