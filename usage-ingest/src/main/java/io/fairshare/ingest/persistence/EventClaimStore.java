package io.fairshare.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The idempotency record, shared by every ingest instance through PostgreSQL. An event id is first
 * claimed (P) by one request, then confirmed (A) once Kafka acknowledged it, or released if
 * publishing failed. Only A means "stored on the accepted topic": a P claim is never an answer, it
 * is taken over by the next request that carries the event. One statement per batch for each step,
 * each on its own (autocommit: no multi-statement transaction, so no {@code Transactions} block);
 * a database failure comes out as {@link StorageException}.
 */
@ApplicationScoped
public class EventClaimStore {
    // A P claim is taken over when nobody is publishing it: its holder's process is gone (its
    // instance lock, see ClaimHolder, is no longer in pg_locks), or the caller has waited long
    // enough (force). A claim of a live request is left to it. A rows are never taken: duplicates.
    // A claim of other content (another fingerprint) is never taken: that is a conflict, not a retry.
    private static final String CLAIM = """
            INSERT INTO event_claim (platform_id, event_id, state, claimed_at, claim_token, fingerprint)
            SELECT ?, id, 'P', now(), ?, fp FROM unnest(?::varchar[], ?::bytea[]) AS t(id, fp)
            ON CONFLICT (platform_id, event_id) DO UPDATE SET claimed_at = now(), claim_token = EXCLUDED.claim_token,
                                                              fingerprint = EXCLUDED.fingerprint
              WHERE CASE WHEN event_claim.state <> 'P' THEN false
                         WHEN event_claim.fingerprint IS NOT NULL AND event_claim.fingerprint <> EXCLUDED.fingerprint THEN false
                         WHEN ? OR event_claim.claim_token IS NULL THEN true
                         ELSE %s
                    END
            RETURNING event_id""".formatted(ClaimHolder.holderGone("event_claim.claim_token"));
    private static final String FINGERPRINTS = """
            SELECT event_id, fingerprint FROM event_claim
             WHERE platform_id = ? AND event_id = ANY (?::varchar[]) AND fingerprint IS NOT NULL""";
    private static final String NOT_CONFIRMED = """
            SELECT t.id FROM unnest(?::varchar[]) AS t(id)
             WHERE NOT EXISTS (SELECT 1 FROM event_claim e WHERE e.platform_id = ? AND e.event_id = t.id AND e.state = 'A')""";
    // An upsert, not an UPDATE: if another holder released the row meanwhile, the event is still
    // on the topic, and the record must say so.
    private static final String CONFIRM = """
            INSERT INTO event_claim (platform_id, event_id, state, claimed_at, claim_token)
            SELECT ?, id, 'A', now(), ? FROM unnest(?::varchar[]) AS t(id)
            ON CONFLICT (platform_id, event_id) DO UPDATE SET state = 'A'
              WHERE event_claim.state = 'P'""";
    // Only this request's own claims: one taken over by a retry stays with the retry.
    private static final String RELEASE = """
            DELETE FROM event_claim
             WHERE platform_id = ? AND claim_token = ? AND event_id = ANY (?::varchar[]) AND state = 'P'""";
    private static final RetentionSweep SWEEP = new RetentionSweep("event_claim", "claimed_at");

    private final AgroalDataSource dataSource;

    public EventClaimStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the given ids for the request holding {@code token}. Returns those now claimed: new
     * ids, and ids whose earlier claim was never confirmed and whose holder is gone (or any
     * unconfirmed claim, with {@code force}). Publishing such an event again is safe: every consumer
     * deduplicates on platform and event id. Ids not returned are confirmed (duplicates) or held by
     * a live request ({@link #notConfirmed} tells which).
     */
    public Set<String> claim(String platformId, Collection<String> eventIds, Map<String, byte[]> fingerprints, long token, boolean force) {
        // Sorted so that two requests sharing ids lock them in the same order (no deadlock).
        String[] ids = eventIds.stream().sorted().toArray(String[]::new);
        byte[][] fps = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            fps[i] = fingerprints.get(ids[i]);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            Array arr = c.createArrayOf("varchar", ids);
            ps.setString(1, platformId);
            ps.setLong(2, token);
            ps.setArray(3, arr);
            ps.setArray(4, c.createArrayOf("bytea", fps));
            ps.setBoolean(5, force);
            Set<String> claimed = new HashSet<>(ids.length * 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The stored fingerprints of the given ids (claims made before fingerprints were kept have none). */
    public Map<String, byte[]> fingerprints(String platformId, Collection<String> eventIds) {
        Map<String, byte[]> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FINGERPRINTS)) {
            ps.setString(1, platformId);
            ps.setArray(2, c.createArrayOf("varchar", eventIds.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBytes(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Of the given ids, those not confirmed: claimed by a request still publishing them, or no
     * longer claimed at all (released). Only the others may be answered as duplicates.
     */
    public Set<String> notConfirmed(String platformId, Collection<String> eventIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NOT_CONFIRMED)) {
            ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray(String[]::new)));
            ps.setString(2, platformId);
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Records that Kafka acknowledged these events: from now on they answer "duplicate". */
    public void confirm(String platformId, Collection<String> eventIds, long token) {
        update(CONFIRM, platformId, token, eventIds);
    }

    /** Forgets this request's unconfirmed claims on events Kafka did not acknowledge. */
    public void release(String platformId, Collection<String> eventIds, long token) {
        update(RELEASE, platformId, token, eventIds);
    }

    /** Deletes up to {@code limit} claims older than {@code retention}; returns how many. */
    public int sweep(Duration retention, int limit) {
        return SWEEP.sweep(dataSource, retention, limit);
    }

    private void update(String sql, String platformId, long token, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, platformId);
            ps.setLong(2, token);
            ps.setArray(3, c.createArrayOf("varchar", eventIds.stream().sorted().toArray(String[]::new)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

}
