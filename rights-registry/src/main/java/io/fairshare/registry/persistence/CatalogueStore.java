package io.fairshare.registry.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.CopyText;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JDBC access to the catalogue tables, the outbox and the audit log (see V1__catalogue_audit_outbox.sql). Writes are
 * batched; callers own the transaction. Documents go in and out as JSON text.
 */
@ApplicationScoped
public class CatalogueStore {
    private final AgroalDataSource ds;
    private final Transactions transactions;

    public CatalogueStore(AgroalDataSource ds) {
        this.ds = ds;
        this.transactions = new Transactions(ds);
    }

    /** A stored entity: its key, owning society (null = the authority's) and JSON document. */
    public record StoredRow(String key, String owner, String doc) {
    }

    /** An entity to insert or replace; {@code extra} fills the table's query column (see {@link #extraColumn}). */
    public record RowWrite(String table, String key, String owner, String doc, String extra) {
    }

    public record RowDelete(String table, String key) {
    }

    public record IdentifierRow(String idKey, String scheme, String value, String workKey) {
    }

    public record AuditRow(String actor, String actorRole, String action, String kind, String key, String before, String after) {
    }

    public record AuditEntry(long id, Instant at, String actor, String actorRole, String action, String kind, String key, String before,
                             String after) {
    }

    /** An outbox row and the topic it goes to ({@code fairshare.registry.changes.v1}, or the credentials topic). */
    public record OutboxRow(long seq, String key, String change, String topic) {
    }

    /** Everything one write transaction changes, in the order it is applied. */
    public record Batch(List<RowDelete> deletes, List<String> worksLosingIdentifiers, List<RowWrite> writes,
                        List<IdentifierRow> identifiers, List<AuditRow> audit, List<String[]> outbox) {
        public static Batch empty() {
            return new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }

        public boolean isEmpty() {
            return deletes.isEmpty() && writes.isEmpty() && outbox.isEmpty();
        }
    }

    private static String extraColumn(String table) {
        switch (table) {
            case "work": return "title";
            case "share": return "work_key";
            case "mandate": return "party_id";
            case "licence": return "platform_id";
            case "society": return "id";
            default: return null;
        }
    }

    public Map<String, StoredRow> find(String table, Collection<String> keys) {
        Map<String, StoredRow> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        String owner = table.equals("society") ? "null" : "owner";
        String sql = "SELECT entity_key, " + owner + ", doc::text FROM " + table + " WHERE entity_key = ANY(?)";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array a = c.createArrayOf("text", keys.toArray());
            ps.setArray(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new StoredRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** For each of the given identifier keys that a work holds: identifier key to work key. */
    public Map<String, String> identifierHolders(Collection<String> idKeys) {
        Map<String, String> out = new HashMap<>();
        if (idKeys.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id_key, work_key FROM work_identifier WHERE id_key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", idKeys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public void write(Batch b) {
        try (Connection c = ds.getConnection()) {
            Map<String, List<RowDelete>> deletes = new HashMap<>();
            b.deletes().forEach(d -> deletes.computeIfAbsent(d.table(), t -> new ArrayList<>()).add(d));
            for (Map.Entry<String, List<RowDelete>> e : deletes.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + e.getKey() + " WHERE entity_key = ?")) {
                    for (RowDelete d : e.getValue()) {
                        ps.setString(1, d.key());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!b.worksLosingIdentifiers().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM work_identifier WHERE work_key = ANY(?)")) {
                    ps.setArray(1, c.createArrayOf("text", b.worksLosingIdentifiers().toArray()));
                    ps.executeUpdate();
                }
            }
            Map<String, List<RowWrite>> writes = new HashMap<>();
            b.writes().forEach(w -> writes.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w));
            for (Map.Entry<String, List<RowWrite>> e : writes.entrySet()) {
                String table = e.getKey();
                String extra = extraColumn(table);
                boolean owned = !table.equals("society");
                String cols = "entity_key, doc" + (owned ? ", owner" : "") + (extra != null ? ", " + extra : "");
                String vals = "?, ?::jsonb" + (owned ? ", ?" : "") + (extra != null ? ", ?" : "");
                String upd = "doc = EXCLUDED.doc" + (owned ? ", owner = EXCLUDED.owner" : "")
                        + (extra != null && !extra.equals("id") ? ", " + extra + " = EXCLUDED." + extra : "");
                String sql = "INSERT INTO " + table + " (" + cols + ") VALUES (" + vals + ") ON CONFLICT (entity_key) DO UPDATE SET " + upd;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (RowWrite w : e.getValue()) {
                        int i = 1;
                        ps.setString(i++, w.key());
                        ps.setString(i++, w.doc());
                        if (owned) {
                            ps.setString(i++, w.owner());
                        }
                        if (extra != null) {
                            ps.setString(i, w.extra());
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            // identifiers, audit and outbox rows: plain appends, sent by COPY (the same rows, in the same order)
            if (!b.identifiers().isEmpty()) {
                CopyText rows = new CopyText(b.identifiers().size() * 96);
                for (IdentifierRow r : b.identifiers()) {
                    rows.field(r.idKey()).field(r.scheme()).field(r.value()).field(r.workKey()).endRow();
                }
                rows.copy(c, "COPY work_identifier (id_key, scheme, value, work_key) FROM STDIN", "work identifiers");
            }
            if (!b.audit().isEmpty()) {
                CopyText rows = new CopyText(b.audit().size() * 400);
                for (AuditRow r : b.audit()) {
                    rows.field(r.actor()).field(r.actorRole()).field(r.action()).field(r.kind()).field(r.key()).field(r.before())
                            .field(r.after()).endRow();
                }
                rows.copy(c, "COPY audit_log (actor, actor_role, action, entity_kind, entity_key, before, after) FROM STDIN", "audit rows");
            }
            if (!b.outbox().isEmpty()) {
                CopyText rows = new CopyText(b.outbox().size() * 300);
                for (String[] r : b.outbox()) {
                    rows.field(r[0]).field(r[1]).endRow();
                }
                rows.copy(c, "COPY catalogue_change (entity_key, change) FROM STDIN", "outbox rows");
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Streams every document of a table (for the start-up load), fetched in chunks (a cursor needs a transaction). */
    public long streamAll(String table, Consumer<String> docs) {
        return transactions.write(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT doc::text FROM " + table)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.accept(rs.getString(1));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    public List<StoredRow> query(String table, String column, String value, int offset, int limit) {
        String owner = table.equals("society") ? "null" : "owner";
        String sql = "SELECT entity_key, " + owner + ", doc::text FROM " + table + " WHERE " + column + " = ? ORDER BY entity_key OFFSET ? LIMIT ?";
        return rows(sql, value, offset, limit);
    }

    public List<StoredRow> worksByTitlePrefix(String prefix, int offset, int limit) {
        String like = prefix.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return rows("SELECT entity_key, owner, doc::text FROM work WHERE lower(title) LIKE ? ORDER BY entity_key OFFSET ? LIMIT ?",
                like, offset, limit);
    }

    public List<StoredRow> worksByIdentifier(String idKey) {
        return rows("SELECT w.entity_key, w.owner, w.doc::text FROM work_identifier i JOIN work w ON w.entity_key = 'work|' || i.work_key "
                + "WHERE i.id_key = ? OFFSET ? LIMIT ?", idKey, 0, 1);
    }

    public List<StoredRow> reservations(String jsonField, String value, int offset, int limit) {
        return rows("SELECT entity_key, owner, doc::text FROM reservation WHERE doc ->> '" + jsonField + "' = ? ORDER BY entity_key OFFSET ? LIMIT ?",
                value, offset, limit);
    }

    private List<StoredRow> rows(String sql, String value, int offset, int limit) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            List<StoredRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public List<AuditEntry> audit(String entityKey, int limit) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, at, actor, actor_role, action, entity_kind, entity_key, before::text, after::text FROM audit_log "
                        + "WHERE entity_key = ? ORDER BY id LIMIT ?")) {
            ps.setString(1, entityKey);
            ps.setInt(2, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The oldest unpublished outbox rows, locked (SKIP LOCKED) so that only one instance's relay sends them. */
    public List<OutboxRow> lockUnpublished(int limit) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, entity_key, change::text, topic FROM catalogue_change WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setInt(1, limit);
            List<OutboxRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Takes a transaction-scoped advisory lock if free (one outbox relay at a time across instances). */
    public boolean tryAdvisoryLock(long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public void markPublished(List<Long> seqs, Instant at) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE catalogue_change SET published_at = ? WHERE seq = ANY(?)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public long count(String table) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    // ---------------------------------------------------------------- society keys

    public void insertSocietyKey(String keyId, String societyId, byte[] hash) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO society_key (key_id, society_id, secret_hash) VALUES (?, ?, ?)")) {
            ps.setString(1, keyId);
            ps.setString(2, societyId);
            ps.setBytes(3, hash);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The society and secret hash of an unrevoked key, or null. */
    public Object[] societyKey(String keyId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT society_id, secret_hash FROM society_key WHERE key_id = ? AND revoked_at IS NULL")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Object[] {rs.getString(1), rs.getBytes(2)} : null;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

}
