package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One party's stored usage and the issued statements that may name it, read in one snapshot: the usage lines
 * grouped by settle period, platform, model, work and status, read from the aggregate the ledger keeps as usage is
 * appended ({@code usage_total}, V130: its rows with a party), never from a scan of usage_line; the party's own statements; and the statements of
 * the societies it appears with on usage lines (whose lines may name it).
 */
@ApplicationScoped
public class PartyUsageStore {
    /** The party's rows of the aggregate kept as usage is appended (V130): '' keys read back as null. */
    private static final String USAGE = """
            SELECT settle_period, usage_period, platform_id, nullif(model_id, ''), nullif(model_version, ''), nullif(society_id, ''), work_id,
                   work_category, usage_type, unit_kind, status, nullif(tariff_id, ''), disputed, back_claim, events, units, attributed_x
            FROM usage_total
            WHERE party_id = ? AND party_id <> '' AND (?::varchar IS NULL OR settle_period = ?)
            ORDER BY 1, 3, 4, 5, 7, 6, 11, 2
            """;
    private static final String STATEMENTS = """
            SELECT statement_id, period_id, kind, addressee_id, canonical
            FROM statement
            WHERE (kind = 'PARTY' AND addressee_id = ? OR kind = 'SOCIETY' AND addressee_id = ANY (?::varchar[]))
              AND (?::varchar IS NULL OR period_id = ?)
            ORDER BY period_id, statement_id
            """;

    /** One group of a party's usage lines; {@code attributedX} is units x weight x share in basis points (shift 4 places). */
    public record UsageGroup(String settlePeriod, String usagePeriod, String platformId, String modelId, String modelVersion,
                             String societyId, String workId, String workCategory, String usageType, String unitKind, String status,
                             String tariffId, boolean disputed, boolean backClaim, long events, long units, BigDecimal attributedX) {
    }

    /** An issued statement that may name the party: its own (PARTY) or one of its societies' (SOCIETY), as issued. */
    public record StoredStatement(String statementId, String periodId, String kind, String addresseeId, byte[] canonical) {
    }

    public record PartyRecords(List<UsageGroup> usage, List<StoredStatement> statements) {
    }

    private final Transactions tx;

    public PartyUsageStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** The party's usage (in {@code periodId}, or every period when null) and the statements that may name it. */
    public PartyRecords read(String partyId, String periodId) {
        return tx.readSnapshot(c -> {
            List<UsageGroup> usage = usage(c, partyId, periodId);
            String[] societies = usage.stream().map(UsageGroup::societyId).filter(s -> s != null).distinct().toArray(String[]::new);
            return new PartyRecords(usage, statements(c, partyId, societies, periodId));
        });
    }

    private static List<UsageGroup> usage(Connection c, String partyId, String periodId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(USAGE)) {
            ps.setString(1, partyId);
            ps.setString(2, periodId);
            ps.setString(3, periodId);
            List<UsageGroup> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UsageGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getBoolean(13), rs.getBoolean(14), rs.getLong(15), rs.getLong(16), rs.getBigDecimal(17)));
                }
            }
            return out;
        }
    }

    private static List<StoredStatement> statements(Connection c, String partyId, String[] societies, String periodId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATEMENTS)) {
            ps.setString(1, partyId);
            ps.setArray(2, c.createArrayOf("varchar", societies));
            ps.setString(3, periodId);
            ps.setString(4, periodId);
            List<StoredStatement> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredStatement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)));
                }
            }
            return out;
        }
    }
}
