package io.fairshare.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/** Forgets rows older than a retention, a bounded chunk per statement (by ctid, so no long lock and no index needed beyond the time column's). */
final class RetentionSweep {
    private final String sql;

    /** {@code table} and {@code timeColumn} are this package's own names, never input. */
    RetentionSweep(String table, String timeColumn) {
        this.sql = "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table + " WHERE " + timeColumn
                + " < now() - make_interval(secs => ?) LIMIT ?))";
    }

    /** Deletes up to {@code limit} rows older than {@code retention}; returns how many. */
    int sweep(AgroalDataSource dataSource, Duration retention, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, retention.toSeconds());
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
