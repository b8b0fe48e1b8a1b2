package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import io.fairshare.service.persistence.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The statement announcements waiting to be published. Rows are taken FOR UPDATE SKIP LOCKED, so
 * several instances never publish the same row at the same time; a row is marked published only
 * after the broker acknowledged it (at least once: a crash in between publishes it again, same key).
 */
@ApplicationScoped
public class OutboxStore {
    /** Publishes one announcement and returns once the broker has acknowledged it. */
    @FunctionalInterface
    public interface Publisher {
        void publish(String statementId, String payload) throws Exception;
    }

    private final Transactions tx;

    public OutboxStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** Publishes up to {@code limit} pending rows in order; returns how many were published. */
    public int relay(int limit, Publisher publisher) throws Exception {
        Exception[] failure = new Exception[1];
        int published = tx.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, statement_id, payload FROM statement_outbox WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED");
                 PreparedStatement mark = c.prepareStatement("UPDATE statement_outbox SET published_at = now() WHERE seq = ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            publisher.publish(rs.getString(2), rs.getString(3));
                        } catch (Exception e) {
                            // what was acknowledged before the failure is marked (committed); the rest is retried next time
                            failure[0] = e;
                            break;
                        }
                        mark.setLong(1, rs.getLong(1));
                        mark.executeUpdate();
                        n++;
                    }
                }
            }
            return n;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return published;
    }

    public long pending() {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM statement_outbox WHERE published_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
