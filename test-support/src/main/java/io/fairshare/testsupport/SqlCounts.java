package io.fairshare.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** Counting rows in a service's own database from its tests: a query that answers one number. */
public final class SqlCounts {
    private SqlCounts() {
    }

    /** The first column of the first row of {@code sql} (a {@code count(*)}), with {@code args} bound in order. */
    public static long count(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits up to 60 s until {@code sql} counts {@code expected}; fails with the last count otherwise. */
    public static void awaitCount(DataSource ds, long expected, String sql, Object... args) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long last;
        while ((last = count(ds, sql, args)) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " but counted " + last + " after 60 s: " + sql);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + sql, e);
            }
        }
    }
}
