package io.fairshare.service.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.servers.PostgresServer;
import io.fairshare.service.Outages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The shared transaction helper against a real PostgreSQL: commit, rollback, snapshot, lock, outage. */
class TransactionsTest {
    @TempDir
    static Path temp;
    static PostgresServer postgres;
    static PGSimpleDataSource dataSource;
    Transactions tx;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.create(temp.resolve("pg"));
        postgres.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.createDatabase("transactions_test"));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void table() {
        tx = new Transactions(dataSource);
        tx.writeVoid(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS t");
                s.execute("CREATE TABLE t (n int PRIMARY KEY)");
            }
        });
    }

    @Test
    void commitsWhenTheWorkReturns() {
        assertEquals("done", tx.write(c -> {
            insert(c, 1);
            return "done";
        }));
        assertEquals(1, count());
    }

    @Test
    void rollsBackEverythingWhenTheWorkThrows() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> tx.writeVoid(c -> {
            insert(c, 1);
            throw boom;
        })));
        StorageException sql = assertThrows(StorageException.class, () -> tx.writeVoid(c -> {
            insert(c, 2);
            insert(c, 2);
        }));
        assertTrue(sql.isUniqueViolation(), "SQLSTATE " + sql.sqlState());
        assertFalse(Outages.isOutage(sql), "a constraint failure is not an outage");
        assertEquals(0, count(), "neither transaction left a row");
    }

    @Test
    void givesTheConnectionBackAsItWas() throws SQLException {
        tx.readSnapshot(c -> {
            assertTrue(c.isReadOnly());
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
            return null;
        });
        tx.serializable(c -> {
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            assertFalse(c.getAutoCommit());
            return null;
        });
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void aSnapshotRefusesWritesAndSeesOneState() {
        StorageException refused = assertThrows(StorageException.class, () -> tx.readSnapshot(c -> {
            insert(c, 1);
            return null;
        }));
        assertEquals("25006", refused.sqlState(), "read-only transaction");
        int[] seen = tx.readSnapshot(c -> {
            int before = count(c);
            tx.writeVoid(other -> insert(other, 7)); // committed by another transaction meanwhile
            return new int[] {before, count(c)};
        });
        assertEquals(0, seen[0]);
        assertEquals(0, seen[1], "the snapshot does not see a commit made after it began");
        assertEquals(1, count());
    }

    @Test
    void writersWithTheSameLockKeyRunOneAfterAnother() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> tx.writeLocked(42L, c -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holder.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        boolean freeWhileHeld = tx.write(c -> tryLock(c, 42L));
        boolean otherKeyFree = tx.write(c -> tryLock(c, 43L));
        release.countDown();
        holder.join(10_000);
        assertFalse(freeWhileHeld, "the key is held until the holder's transaction ends");
        assertTrue(otherKeyFree);
        boolean freeAfterCommit = tx.write(c -> tryLock(c, 42L));
        assertTrue(freeAfterCommit, "and released at commit");
    }

    @Test
    void aLostConnectionIsAnOutageOfPostgres() {
        postgres.stop();
        try {
            StorageException down = assertThrows(StorageException.class, () -> tx.write(c -> count(c)));
            assertEquals(Outages.Dependency.POSTGRESQL, Outages.of(down).orElseThrow(), "answered 503 with Retry-After");
        } finally {
            postgres.start();
        }
        assertEquals(0, count());
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + key + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void insert(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (" + n + ")");
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int count() {
        return tx.write(TransactionsTest::count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
