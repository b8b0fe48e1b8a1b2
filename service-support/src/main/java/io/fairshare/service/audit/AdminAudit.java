package io.fairshare.service.audit;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The administrative changes of a service (tariffs, closes, payout runs, ...) with their actor:
 * principal name and role, what was done, to which subject, and a short description. Each service
 * keeps them in its own {@code admin_audit} table (its V50 migration).
 */
@ApplicationScoped
public class AdminAudit {
    /** One recorded change. */
    public record Entry(long id, Instant at, String actorName, String actorRole, String action, String subject, String detail) {
    }

    private final AgroalDataSource dataSource;

    public AdminAudit(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a change on its own connection; prefer {@link #record(Connection, Caller, String, String, String)}. */
    public void record(Caller actor, String action, String subject, String detail) {
        try (Connection c = dataSource.getConnection()) {
            record(c, actor, action, subject, detail);
        } catch (SQLException e) {
            throw new ServiceUnavailableException("the audit log (PostgreSQL) is unavailable", e);
        }
    }

    /**
     * Records a change inside the caller's transaction, so that the change and its audit row are
     * stored together or not at all, whatever process dies when.
     */
    public static void record(Connection c, Caller actor, String action, String subject, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO admin_audit (actor_name, actor_role, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, actor.name());
            ps.setString(2, actor.role());
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    /** The changes to one subject, oldest first; 400 problem+json without a subject ({@code example} shows one). */
    public List<Entry> forSubject(String subject, String example) {
        if (subject == null || subject.isBlank()) {
            throw ApiProblem.invalid("the query parameter subject is required, e.g. ?subject=" + example, List.of());
        }
        return forSubject(subject);
    }

    /** The changes to one subject, oldest first. */
    public List<Entry> forSubject(String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, at, actor_name, actor_role, action, subject, detail FROM admin_audit WHERE subject = ? ORDER BY id")) {
            ps.setString(1, subject);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ServiceUnavailableException("the audit log (PostgreSQL) is unavailable", e);
        }
    }
}
