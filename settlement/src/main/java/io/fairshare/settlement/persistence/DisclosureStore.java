package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.persistence.Transactions;
import io.fairshare.settlement.domain.disclosure.AggregateRow;
import io.fairshare.settlement.domain.disclosure.WorkRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the disclosure aggregates (V100) that {@link UsageLedgerStore} keeps: never usage_line. */
@ApplicationScoped
public class DisclosureStore {
    /** What a report found: the aggregates of the model, or which of period, platform and model has no usage. */
    public record Found(boolean period, boolean platform, List<AggregateRow> rows, List<WorkRow> works) {
    }

    private static final String MODEL_FILTER = " WHERE settle_period = ? AND platform_id = ? AND model_id = ? AND (?::text IS NULL OR model_version = ?)";
    private static final String TOTALS = "SELECT work_category, usage_type, society_id, status, sum(events), sum(units), sum(society_events), sum(society_units), sum(status_events), sum(status_units)"
            + " FROM disclosure_total" + MODEL_FILTER + " GROUP BY 1, 2, 3, 4";
    private static final String WORKS = "SELECT work_id, society_id, status, sum(events), sum(units) FROM disclosure_work" + MODEL_FILTER
            + " GROUP BY 1, 2, 3";

    private final Transactions tx;

    public DisclosureStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** The model's aggregates in one snapshot; {@code modelVersion} null: every version; works only when {@code withWorks}. */
    public Found find(String periodId, String platformId, String modelId, String modelVersion, boolean withWorks) {
        return tx.readSnapshot(c -> {
            List<AggregateRow> rows = new ArrayList<>();
            try (PreparedStatement ps = model(c, TOTALS, periodId, platformId, modelId, modelVersion); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AggregateRow(rs.getString(1), rs.getString(2), emptyAsNull(rs.getString(3)), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                }
            }
            if (rows.isEmpty()) {
                boolean platform = exists(c, "SELECT 1 FROM disclosure_total WHERE settle_period = ? AND platform_id = ? LIMIT 1", periodId, platformId);
                boolean period = platform || exists(c, "SELECT 1 FROM disclosure_total WHERE settle_period = ? LIMIT 1", periodId);
                return new Found(period, platform, List.of(), List.of());
            }
            List<WorkRow> works = new ArrayList<>();
            if (withWorks) {
                try (PreparedStatement ps = model(c, WORKS, periodId, platformId, modelId, modelVersion); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        works.add(new WorkRow(rs.getString(1), emptyAsNull(rs.getString(2)), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return new Found(true, true, rows, works);
        });
    }

    private static PreparedStatement model(Connection c, String sql, String periodId, String platformId, String modelId, String modelVersion)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, periodId);
        ps.setString(2, platformId);
        ps.setString(3, modelId);
        ps.setString(4, modelVersion);
        ps.setString(5, modelVersion);
        return ps;
    }

    private static boolean exists(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
