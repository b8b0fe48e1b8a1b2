package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the scheduled close reads, and the lock that lets one settlement instance at a time run it: a
 * PostgreSQL transaction-level advisory lock, held by an open transaction for the whole sweep and
 * released by its end, or by the database when the instance's connection dies.
 */
@ApplicationScoped
public class CloseScheduleStore {
    /** The advisory lock's key (any constant unique in the settlement database). */
    public static final long LOCK_KEY = 0x66_73_63_6c_6f_73_65L; // "fsclose"

    /** A held (or refused) sweep lock; closing it releases the lock. */
    public static final class SweepLock implements AutoCloseable {
        private final Connection connection;
        private final boolean held;

        private SweepLock(Connection connection, boolean held) {
            this.connection = connection;
            this.held = held;
        }

        /** False when another instance is sweeping now. */
        public boolean held() {
            return held;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback(); // ends the transaction, releasing the lock; nothing was written in it
            } finally {
                connection.close();
            }
        }
    }

    private final AgroalDataSource dataSource;

    public CloseScheduleStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Tries to take the sweep lock without waiting. */
    public SweepLock tryLock() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new SweepLock(c, rs.getBoolean(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The latest CLOSED period's id (ids of one calendar sort in time order: {@code 2026-11}, {@code 2026-Q4}). */
    public Optional<String> lastClosed() throws SQLException {
        return single("SELECT max(period_id) FROM period WHERE state = 'CLOSED'");
    }

    /** The earliest period that holds usage or a begun close. */
    public Optional<String> earliestActive() throws SQLException {
        return single("""
                SELECT min(p) FROM (SELECT min(settle_period) AS p FROM usage_line
                                    UNION ALL SELECT min(period_id) FROM period WHERE state <> 'OPEN') AS candidates""");
    }

    private Optional<String> single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(rs.getString(1));
        }
    }
}
