package io.fairshare.payout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * quarkus-flyway took over from the hand-run Flyway of service-support's former DatabaseMigrations.
 * A database that the old code migrated carries on under the new configuration without being
 * migrated again, and a schema with tables but no history is refused rather than adopted.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class SchemaMigrationTest {
    @Inject
    Flyway flyway;

    @Test
    void theServicesOwnDatabaseWasMigratedAtStartUpIntoTheUsualHistoryTable() throws SQLException {
        assertEquals(0, flyway.info().pending().length);
        assertEquals(latestVersion(), flyway.info().current().getVersion().getVersion());
        try (Connection c = DriverManager.getConnection(TestServers.jdbcUrl("payout"), TestServers.username(), TestServers.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM public.flyway_schema_history WHERE version IS NOT NULL"
                     + " ORDER BY installed_rank")) {
            int rows = 0;
            while (rs.next()) {
                assertEquals(flyway.info().all()[rows].getVersion().getVersion(), rs.getString(1));
                assertTrue(rs.getBoolean(2));
                rows++;
            }
            assertEquals(migrationCount(), rows);
        }
    }

    @Test
    void aDatabaseMigratedByTheFormerHandRunFlywayIsNotMigratedAgain() {
        String url = TestServers.createDatabase("payout_legacy");
        // Exactly what DatabaseMigrations did at start-up.
        MigrateResult legacy = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(url, TestServers.username(), TestServers.password())
                .locations("classpath:db/migration").load().migrate();
        assertEquals(migrationCount(), legacy.migrationsExecuted);

        Flyway now = Flyway.configure(Thread.currentThread().getContextClassLoader()).configuration(flyway.getConfiguration())
                .dataSource(url, TestServers.username(), TestServers.password()).load();
        now.validate();
        MigrateResult again = now.migrate();
        assertEquals(0, again.migrationsExecuted);
        assertEquals(latestVersion(), now.info().current().getVersion().getVersion());
    }

    @Test
    void aSchemaWithTablesButNoHistoryIsRefusedNotBaselined() throws SQLException {
        String url = TestServers.createDatabase("payout_unknown");
        try (Connection c = DriverManager.getConnection(url, TestServers.username(), TestServers.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS someone_elses (id int)");
        }
        Flyway now = Flyway.configure(Thread.currentThread().getContextClassLoader()).configuration(flyway.getConfiguration())
                .dataSource(url, TestServers.username(), TestServers.password()).load();
        FlywayException e = assertThrows(FlywayException.class, now::migrate);
        assertTrue(e.getMessage().contains("no schema history table"), e.getMessage());
    }

    /** The migrations the service ships (db/migration), every one of which must be applied. */
    private int migrationCount() {
        return flyway.info().all().length;
    }

    private String latestVersion() {
        return flyway.info().all()[migrationCount() - 1].getVersion().getVersion();
    }
}
