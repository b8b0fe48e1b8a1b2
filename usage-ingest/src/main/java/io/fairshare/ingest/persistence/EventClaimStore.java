package io.fairshare.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The idempotency record, shared by every ingest instance through PostgreSQL. An event id is first
 * claimed (P), then confirmed (A) once Kafka acknowledged it, or released if publishing failed.
 * One statement per batch for each step.
 */
@ApplicationScoped
public class EventClaimStore {
    private static final String CLAIM = """
            INSERT INTO event_claim (platform_id, event_id, state, claimed_at)
            SELECT ?, id, 'P', now() FROM unnest(?::varchar[]) AS t(id)
            ON CONFLICT (platform_id, event_id) DO UPDATE SET claimed_at = now()
              WHERE event_claim.state = 'P' AND event_claim.claimed_at < now() - make_interval(secs => ?)
            RETURNING event_id""";
    private static final String CONFIRM =
            "UPDATE event_claim SET state = 'A' WHERE platform_id = ? AND event_id = ANY (?::varchar[])";
    private static final String RELEASE =
            "DELETE FROM event_claim WHERE platform_id = ? AND event_id = ANY (?::varchar[]) AND state = 'P'";
    private static final String SWEEP = """
            DELETE FROM event_claim WHERE ctid = ANY (ARRAY(
              SELECT ctid FROM event_claim WHERE claimed_at < now() - make_interval(secs => ?) LIMIT ?))""";

    private final AgroalDataSource dataSource;

    public EventClaimStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the given ids for this request. Returns those now claimed: new ids, and ids whose
     * earlier claim was never confirmed and is older than {@code lease}. The others were already
     * accepted, or are being published by another request right now: duplicates.
     */
    public Set<String> claim(String platformId, Collection<String> eventIds, Duration lease) throws SQLException {
        // Sorted so that two requests sharing ids lock them in the same order (no deadlock).
        String[] ids = eventIds.stream().sorted().toArray(String[]::new);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            Array arr = c.createArrayOf("varchar", ids);
            ps.setString(1, platformId);
            ps.setArray(2, arr);
            ps.setLong(3, lease.toSeconds());
            Set<String> claimed = new HashSet<>(ids.length * 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
            return claimed;
        }
    }

    public void confirm(String platformId, Collection<String> eventIds) throws SQLException {
        update(CONFIRM, platformId, eventIds);
    }

    public void release(String platformId, Collection<String> eventIds) throws SQLException {
        update(RELEASE, platformId, eventIds);
    }

    /** Deletes up to {@code limit} claims older than {@code retention}; returns how many. */
    public int sweep(Duration retention, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SWEEP)) {
            ps.setLong(1, retention.toSeconds());
            ps.setInt(2, limit);
            return ps.executeUpdate();
        }
    }

    private void update(String sql, String platformId, Collection<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, platformId);
            ps.setArray(2, c.createArrayOf("varchar", new ArrayList<>(eventIds).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

}
