package io.fairshare.settlement.persistence;

import io.fairshare.service.persistence.CopyText;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.transparency.CompactRange;
import io.fairshare.service.persistence.Transactions;
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
 * The statement log (V90): signed tree heads, one per closed period, and the leaves in log order; beside each head
 * the right edge of its tree (V121, {@link CompactRange}), from which the next close computes its root without
 * reading earlier leaves. Appending is serialised by one advisory lock, so two closes never interleave their leaves.
 */
@ApplicationScoped
public class TransparencyStore {
    public static final long LOCK_KEY = 0x66_73_6c_6f_67_31L; // "fslog1"

    /** A stored head: its published JSON and what the log needs of it. */
    public record StoredHead(String periodId, long seq, long treeSize, String headJson, String publicKey) {
    }

    /** One leaf to append: the line it hashes. */
    public record NewLeaf(String statementId, String section, int lineNumber, byte[] leafHash) {
    }

    /** One line's place in the log. */
    public record LeafPlace(long leafIndex, String section, int lineNumber) {
    }

    /**
     * What an append computes from the log as it stands (the latest head, and the right edge of its tree): the leaves
     * to add and the signed head over them.
     */
    public interface Append {
        NewHead next(Optional<StoredHead> previous, CompactRange edge);
    }

    /** The head an append stores (its JSON as published, the hashes indexed beside it, and its tree's right edge). */
    public record NewHead(String periodId, long treeSize, long periodFirstLeaf, List<NewLeaf> leaves, byte[] rootHash, byte[] headHash,
                          String headJson, String publicKey, Instant issuedAt, CompactRange edge) {
    }

    private final Transactions tx;

    public TransparencyStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** The development signing key, if one was generated before: {private PKCS#8, public SPKI}, base64. */
    public Optional<String[]> generatedKey() {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT private_key, public_key FROM transparency_key WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.<String[]>empty();
            }
        });
    }

    /** Keeps a generated key unless another instance kept one first; answers the one kept. */
    public String[] keepGeneratedKey(String privateKey, String publicKey) {
        tx.writeVoid(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO transparency_key (id, private_key, public_key) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, privateKey);
                ps.setString(2, publicKey);
                ps.executeUpdate();
            }
        });
        return generatedKey().orElseThrow();
    }

    public Optional<StoredHead> head(String periodId) {
        return tx.write(c -> head(c, "WHERE period_id = ?", periodId));
    }

    /**
     * Appends a period to the log unless it is there: under the log's lock, reads the latest head and
     * the right edge of its tree (O(log n) rows; computed once from every leaf for a head stored before V121),
     * lets {@code append} compute the period's leaves and signed head, and stores the head, its leaves and its edge.
     * Answers the period's head (the one stored before, if any).
     */
    public StoredHead append(String periodId, Append append) {
        return tx.writeLocked(LOCK_KEY, c -> {
            Optional<StoredHead> existing = head(c, "WHERE period_id = ?", periodId);
            if (existing.isPresent()) {
                return existing.get();
            }
            Optional<StoredHead> previous = head(c, "ORDER BY seq DESC LIMIT 1", null);
            CompactRange before = previous.isEmpty() ? CompactRange.empty() : edge(c, previous.get());
            NewHead h = append.next(previous, before);
            if (h.edge().size() != h.treeSize()) {
                throw new IllegalStateException("the right edge of a tree of " + h.treeSize() + " leaves covers " + h.edge().size());
            }
            long seq = previous.map(p -> p.seq() + 1).orElse(1L);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO transparency_tree_head (period_id, seq, tree_size, period_first_leaf, period_leaf_count, root_hash, head_hash,
                                                        head_json, public_key, issued_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, h.periodId());
                ps.setLong(2, seq);
                ps.setLong(3, h.treeSize());
                ps.setLong(4, h.periodFirstLeaf());
                ps.setLong(5, h.leaves().size());
                ps.setBytes(6, h.rootHash());
                ps.setBytes(7, h.headHash());
                ps.setString(8, h.headJson());
                ps.setString(9, h.publicKey());
                ps.setTimestamp(10, Timestamp.from(h.issuedAt()));
                ps.executeUpdate();
            }
            CopyText leaves = new CopyText(h.leaves().size() * 160);
            long index = h.periodFirstLeaf();
            for (NewLeaf l : h.leaves()) {
                leaves.number(Long.toString(index++)).field(h.periodId()).field(l.statementId()).field(l.section())
                        .number(Integer.toString(l.lineNumber())).bytes(l.leafHash()).endRow();
            }
            leaves.copy(c, "COPY transparency_leaf (leaf_index, period_id, statement_id, section, line_number, leaf_hash) FROM STDIN",
                    "the log's leaves");
            storeEdge(c, h.periodId(), h.edge());
            return new StoredHead(h.periodId(), seq, h.treeSize(), h.headJson(), h.publicKey());
        });
    }

    /** The first {@code treeSize} leaf hashes of the log, in index order. */
    public List<byte[]> leaves(long treeSize) {
        return tx.readSnapshot(c -> leaves(c, treeSize));
    }

    /** Where a statement's lines are in the log, in leaf order. */
    public List<LeafPlace> places(String statementId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT leaf_index, section, line_number FROM transparency_leaf WHERE statement_id = ? ORDER BY leaf_index")) {
                ps.setString(1, statementId);
                List<LeafPlace> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LeafPlace(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    private static List<byte[]> leaves(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT leaf_hash FROM transparency_leaf WHERE leaf_index < ? ORDER BY leaf_index")) {
            ps.setLong(1, treeSize);
            ps.setFetchSize(10_000);
            List<byte[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        }
    }

    /** The right edge of {@code head}'s tree: as stored beside it, else (a head from before V121) from its leaves. */
    private static CompactRange edge(Connection c, StoredHead head) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM transparency_frontier WHERE period_id = ? ORDER BY position")) {
            ps.setString(1, head.periodId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getBytes(1));
                }
            }
        }
        if (hashes.isEmpty() && head.treeSize() > 0) {
            return CompactRange.over(leaves(c, head.treeSize()));
        }
        return CompactRange.of(head.treeSize(), hashes);
    }

    private static void storeEdge(Connection c, String periodId, CompactRange edge) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transparency_frontier (period_id, position, hash) VALUES (?, ?, ?)")) {
            int position = 0;
            for (byte[] hash : edge.hashes()) {
                ps.setString(1, periodId);
                ps.setInt(2, position++);
                ps.setBytes(3, hash);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<StoredHead> head(Connection c, String where, String periodId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT period_id, seq, tree_size, head_json, public_key FROM transparency_tree_head " + where)) {
            if (periodId != null) {
                ps.setString(1, periodId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredHead(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                        : Optional.empty();
            }
        }
    }
}
