package io.fairshare.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The requests answered under an {@code Idempotency-Key}, per platform (V61). A request first takes the key (P),
 * then stores its answer (D), or gives the key up if it failed. A key held by a process that is gone (its
 * {@link ClaimHolder} lock is no longer in pg_locks) is taken over by the next request with the same body, as
 * event claims are. Each step is one autocommitted statement.
 */
@ApplicationScoped
public class IdempotencyKeyStore {
    private static final String TAKE = """
            INSERT INTO idempotency_key AS k (platform_id, idem_key, request_sha256, state, claim_token)
            VALUES (?, ?, ?, 'P', ?)
            ON CONFLICT (platform_id, idem_key) DO UPDATE SET claim_token = EXCLUDED.claim_token, created_at = now()
              WHERE k.state = 'P' AND k.request_sha256 = EXCLUDED.request_sha256
                AND %s
            RETURNING 1""".formatted(ClaimHolder.holderGone("k.claim_token"));
    private static final String READ = "SELECT request_sha256, state, response FROM idempotency_key WHERE platform_id = ? AND idem_key = ?";
    private static final String ANSWER = """
            UPDATE idempotency_key SET state = 'D', response = ? WHERE platform_id = ? AND idem_key = ? AND claim_token = ? AND state = 'P'""";
    private static final String GIVE_UP = "DELETE FROM idempotency_key WHERE platform_id = ? AND idem_key = ? AND claim_token = ? AND state = 'P'";
    private static final RetentionSweep SWEEP = new RetentionSweep("idempotency_key", "created_at");

    /** A key as stored: the SHA-256 of the request that took it, and its answer once given (null while P). */
    public record Stored(byte[] requestSha256, boolean answered, String response) {
    }

    private final AgroalDataSource dataSource;

    public IdempotencyKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the key for the request holding {@code token}: true when this request is now to answer it. */
    public boolean take(String platformId, String key, byte[] requestSha256, long token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TAKE)) {
            ps.setString(1, platformId);
            ps.setString(2, key);
            ps.setBytes(3, requestSha256);
            ps.setLong(4, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public Optional<Stored> read(String platformId, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setString(1, platformId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getBytes(1), "D".equals(rs.getString(2)), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Stores the answer of the request that holds the key. */
    public void answer(String platformId, String key, long token, String response) {
        update(ANSWER, response, platformId, key, token);
    }

    /** Gives the key up (the request failed): the next request with it runs afresh. */
    public void giveUp(String platformId, String key, long token) {
        update(GIVE_UP, null, platformId, key, token);
    }

    /** Deletes up to {@code limit} keys older than {@code retention}; returns how many. */
    public int sweep(Duration retention, int limit) {
        return SWEEP.sweep(dataSource, retention, limit);
    }

    private void update(String sql, String response, String platformId, String key, long token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (response != null) {
                ps.setString(i++, response);
            }
            ps.setString(i++, platformId);
            ps.setString(i++, key);
            ps.setLong(i, token);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
