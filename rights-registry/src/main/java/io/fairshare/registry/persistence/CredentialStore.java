package io.fairshare.registry.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access to issued party and auditor credentials ({@code credential}, V60), their outbox rows (the
 * {@code catalogue_change} outbox, with the credentials topic) and their audit entries ({@code audit_log}). Callers
 * own the transaction (the connections join it); documents go in and out as JSON text.
 */
@ApplicationScoped
public class CredentialStore {
    private final AgroalDataSource ds;

    public CredentialStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** A stored credential: its society (null when the operator issued it), whether revoked, and its document. */
    public record StoredCredential(String keyId, String societyId, boolean revoked, String doc) {
    }

    public void insert(String keyId, String role, String subjectId, String issuedBy, String societyId, String doc) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO credential (key_id, role, subject_id, issued_by, society_id, doc) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, keyId);
            ps.setString(2, role);
            ps.setString(3, subjectId);
            ps.setString(4, issuedBy);
            ps.setString(5, societyId);
            ps.setString(6, doc);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Marks a credential revoked with its new document; false when it was revoked already (or is absent). */
    public boolean revoke(String keyId, String doc, Instant at) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE credential SET revoked_at = ?, doc = ?::jsonb WHERE key_id = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, doc);
            ps.setString(3, keyId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public Optional<StoredCredential> find(String keyId) {
        List<StoredCredential> l = query("WHERE key_id = ?", keyId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Every credential, or those a society issued ({@code societyId} not null), oldest first. */
    public List<StoredCredential> list(String societyId) {
        return societyId == null ? query("", null) : query("WHERE society_id = ?", societyId);
    }

    private List<StoredCredential> query(String where, String param) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT key_id, society_id, revoked_at IS NOT NULL, doc::text FROM credential " + where + " ORDER BY created_at, key_id")) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<StoredCredential> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredCredential(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Whether the catalogue knows the party: its record, or a mandate of it. */
    public boolean partyKnown(String partyId) {
        return exists("SELECT EXISTS (SELECT 1 FROM party WHERE entity_key = ?) OR EXISTS (SELECT 1 FROM mandate WHERE party_id = ?)",
                "party|" + partyId, partyId);
    }

    /**
     * Whether the party is a member of the society in the registry's sense: the society registered the party's
     * record (it owns it), or the party holds a mandate with the society.
     */
    public boolean isMember(String partyId, String societyId) {
        return exists("SELECT EXISTS (SELECT 1 FROM party WHERE entity_key = ? AND owner = ?) "
                + "OR EXISTS (SELECT 1 FROM mandate WHERE party_id = ? AND doc ->> 'society' = ?)",
                "party|" + partyId, societyId, partyId, societyId);
    }

    private boolean exists(String sql, String... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** One outbox row for {@code topic}, relayed in seq order with the catalogue's changes. */
    public void outbox(String topic, String key, String value) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO catalogue_change (entity_key, change, topic) VALUES (?, ?::jsonb, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.setString(3, topic);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** One audit entry (kind {@code credential}, key {@code credential|<keyId>}). */
    public void audit(String actor, String actorRole, String action, String keyId, String before, String after) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (actor, actor_role, action, entity_kind, entity_key, before, after) VALUES (?, ?, ?, 'credential', ?, ?::jsonb, ?::jsonb)")) {
            ps.setString(1, actor);
            ps.setString(2, actorRole);
            ps.setString(3, action);
            ps.setString(4, "credential|" + keyId);
            ps.setString(5, before);
            ps.setString(6, after);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
