package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback for machines without PostgreSQL, forced here with the provider setting. */
class ZonkyPostgresTest {
    @TempDir
    Path temp;

    @Test
    void zonkysBinariesServeTheSameUserDatabasesAndQueries() throws Exception {
        System.setProperty(PostgresServer.PROVIDER_PROPERTY, "zonky");
        PostgresServer postgres;
        try {
            postgres = PostgresServer.create(temp.resolve("pg"));
        } finally {
            System.clearProperty(PostgresServer.PROVIDER_PROPERTY);
        }
        assertEquals(PostgresServer.Provider.ZONKY, postgres.provider());
        try {
            postgres.start();
            long pid = postgres.pid();
            assertTrue(Processes.isAlive(pid));
            String url = postgres.createDatabase("zonky_check");
            assertEquals(url, postgres.createDatabase("zonky_check"));
            try (Connection c = Databases.connect(url, "fairshare", "fairshare"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n int)");
                s.execute("INSERT INTO t SELECT generate_series(1, 10)");
                try (ResultSet rs = s.executeQuery("SELECT sum(n) FROM t")) {
                    assertTrue(rs.next());
                    assertEquals(55, rs.getInt(1));
                }
            }
            postgres.stop();
            assertFalse(Processes.isAlive(pid), "the postmaster is gone after stop");
            assertFalse(Processes.isListening(postgres.port()));
        } finally {
            postgres.close();
        }
        assertFalse(Files.exists(temp.resolve("pg")));
    }
}
