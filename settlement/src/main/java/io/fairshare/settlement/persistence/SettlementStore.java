package io.fairshare.settlement.persistence;

import io.fairshare.settlement.application.StatementRecord;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodState;
import io.fairshare.settlement.domain.period.PeriodTransition;
import io.fairshare.settlement.domain.usage.ModelUsage;
import io.fairshare.settlement.domain.usage.UsageRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.persistence.Transactions;
import io.fairshare.service.security.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Periods, the close's aggregation and issued statements. Every period transition is decided by
 * {@link PeriodState}; this class only reads the current state under a lock and stores the answer.
 */
@ApplicationScoped
public class SettlementStore {
    /**
     * The close's rows, read from the aggregate the ledger keeps in each batch's transaction (V130, {@code usage_total}),
     * never from a scan of usage_line: the same figures as {@code GROUP BY} the key over the lines, {@code count(*)}
     * being the aggregate's {@code lines}; '' keys read back as null.
     */
    private static final String ROWS = """
            SELECT platform_id, usage_period, nullif(society_id, ''), nullif(party_id, ''), work_id, work_category, usage_type, unit_kind,
                   nullif(tariff_id, ''), status, disputed, back_claim, sum(lines), sum(units), sum(attributed_x)
            FROM usage_total
            WHERE settle_period = ? OR (? AND settle_period < ?)
            GROUP BY platform_id, usage_period, society_id, party_id, work_id, work_category, usage_type, unit_kind, tariff_id, status,
                     disputed, back_claim""";
    /** The close's rows split further by model: each line's model parts, for platform statements' breakdown. */
    private static final String MODEL_ROWS = """
            SELECT platform_id, usage_period, nullif(society_id, ''), nullif(party_id, ''), work_id, work_category, usage_type, unit_kind,
                   nullif(tariff_id, ''), status, disputed, back_claim, sum(lines), sum(units), sum(attributed_x), nullif(model_id, ''),
                   nullif(model_version, '')
            FROM usage_total
            WHERE settle_period = ? OR (? AND settle_period < ?)
            GROUP BY platform_id, usage_period, society_id, party_id, work_id, work_category, usage_type, unit_kind, tariff_id, status,
                     disputed, back_claim, model_id, model_version""";
    private static final String STATEMENT_COLUMNS =
            "statement_id, period_id, kind, addressee_id, currency, total_minor, sha256, adjusts_periods, issued_at";

    /** The outcome of beginning a close: the domain's answer, and whether the period is the first ever closed. */
    public record Begin(PeriodTransition transition, boolean genesis) {
    }

    /** A statement to insert, and its announcement for the outbox. */
    public record NewStatement(StatementRecord statement, String announcement) {
    }


    private final Transactions tx;

    public SettlementStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    public PeriodState state(String periodId) {
        return tx.write(c -> state(c, periodId, false));
    }

    /**
     * Begins closing {@code period}: with the ledger gate held exclusively (so no usage batch is half
     * written), asks {@link PeriodState#beginClose} and stores a change to CLOSING. From the commit on,
     * usage of the period is late usage.
     */
    public Begin beginClose(Period period, Period previous, Instant now) {
        return tx.write(c -> {
            try (PreparedStatement gate = c.prepareStatement("SELECT 1 FROM ledger_gate WHERE id = 1 FOR UPDATE")) {
                gate.executeQuery().close();
            }
            PeriodState state = state(c, period.id(), true);
            boolean genesis = !anyOtherNotOpen(c, period.id());
            PeriodState previousState = genesis ? null : state(c, previous.id(), false);
            PeriodTransition t = state.beginClose(period, now, previousState);
            if (t.outcome() == PeriodTransition.Outcome.CHANGED) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO period (period_id, state, close_started_at) VALUES (?, ?, ?)
                        ON CONFLICT (period_id) DO UPDATE SET state = excluded.state, close_started_at = excluded.close_started_at""")) {
                    ps.setString(1, period.id());
                    ps.setString(2, t.to().name());
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
            return new Begin(t, genesis);
        });
    }

    /**
     * The close's input rows: usage settled by this period (regular and late). The first close ever
     * also takes whatever usage lies before it (nothing earlier will ever close).
     */
    public List<UsageRow> rows(String periodId, boolean genesis) {
        return closeRows(ROWS, periodId, genesis, SettlementStore::row);
    }

    /** The close's input rows per model (id, version): what {@link #rows} returns, split by the model that made the usage. */
    public List<ModelUsage> modelRows(String periodId, boolean genesis) {
        return closeRows(MODEL_ROWS, periodId, genesis, rs -> new ModelUsage(row(rs), rs.getString(16), rs.getString(17)));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs one of the close's queries (period, genesis, period) and reads every row, streamed. */
    private <T> List<T> closeRows(String sql, String periodId, boolean genesis, RowReader<T> reader) {
        // the driver streams with a fetch size only inside a transaction
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, periodId);
                ps.setBoolean(2, genesis);
                ps.setString(3, periodId);
                ps.setFetchSize(10_000);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static UsageRow row(ResultSet rs) throws SQLException {
        return new UsageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), UsageType.valueOf(rs.getString(7)), UnitKind.valueOf(rs.getString(8)), rs.getString(9),
                LineStatus.valueOf(rs.getString(10)), rs.getBoolean(11), rs.getBoolean(12), rs.getLong(13), rs.getLong(14),
                rs.getBigDecimal(15).movePointLeft(4));
    }

    /**
     * Stores the statements, their announcements, the period's completion and (when {@code actor} is
     * not null) the close's audit row in one transaction. Returns false (storing nothing) if the period
     * was completed meanwhile by another close.
     */
    public boolean issue(Caller actor, String periodId, List<NewStatement> statements, Instant issuedAt) {
        return issue(actor, periodId, statements, issuedAt, List.of());
    }

    /**
     * {@link #issue(Caller, String, List, Instant)}, also marking {@code settledClaims} (the accepted claims whose
     * adjustments the statements carry) settled by this period, in the same transaction: a claim is settled once.
     */
    public boolean issue(Caller actor, String periodId, List<NewStatement> statements, Instant issuedAt, List<String> settledClaims) {
        return tx.write(c -> {
            PeriodState state = state(c, periodId, true);
            PeriodTransition t = state.completeClose();
            if (t.outcome() != PeriodTransition.Outcome.CHANGED) {
                // nothing was written: only the period row was locked
                if (t.outcome() == PeriodTransition.Outcome.UNCHANGED) {
                    return false;
                }
                throw new IllegalStateException(t.code() + ": " + t.reason());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO statement (" + STATEMENT_COLUMNS
                    + ", canonical, csv, dsr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement out = c.prepareStatement("INSERT INTO statement_outbox (statement_id, payload) VALUES (?, ?)")) {
                for (NewStatement n : statements) {
                    StatementRecord s = n.statement();
                    ps.setString(1, s.statementId());
                    ps.setString(2, s.periodId());
                    ps.setString(3, s.kind());
                    ps.setString(4, s.addresseeId());
                    ps.setString(5, s.currency());
                    ps.setLong(6, s.totalMinor());
                    ps.setString(7, s.sha256());
                    ps.setArray(8, c.createArrayOf("varchar", s.adjustsPeriods().toArray()));
                    ps.setTimestamp(9, Timestamp.from(issuedAt));
                    ps.setBytes(10, s.canonical());
                    ps.setBytes(11, s.csv());
                    ps.setBytes(12, s.dsr());
                    ps.addBatch();
                    out.setString(1, s.statementId());
                    out.setString(2, n.announcement());
                    out.addBatch();
                }
                ps.executeBatch();
                out.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE period SET state = ?, closed_at = ? WHERE period_id = ?")) {
                ps.setString(1, t.to().name());
                ps.setTimestamp(2, Timestamp.from(issuedAt));
                ps.setString(3, periodId);
                ps.executeUpdate();
            }
            ClaimStore.settle(c, actor, periodId, settledClaims, issuedAt);
            if (actor != null) {
                AdminAudit.record(c, actor, "CLOSE_PERIOD", "period/" + periodId, t.to().name() + ", " + statements.size() + " statement(s)");
            }
            return true;
        });
    }

    /** Metadata of a period's statements, in id order. */
    public List<StatementRecord> statements(String periodId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + STATEMENT_COLUMNS + " FROM statement WHERE period_id = ? ORDER BY statement_id")) {
            ps.setString(1, periodId);
            List<StatementRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(metadata(rs, null, null, null));
                }
            }
            return out;
            }
        });
    }

    /** One statement with its bytes. */
    public Optional<StatementRecord> statement(String statementId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + STATEMENT_COLUMNS + ", canonical, csv, dsr FROM statement WHERE statement_id = ?")) {
            ps.setString(1, statementId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(metadata(rs, rs.getBytes(10), rs.getBytes(11), rs.getBytes(12))) : Optional.empty();
            }
            }
        });
    }

    private static StatementRecord metadata(ResultSet rs, byte[] canonical, byte[] csv, byte[] dsr) throws SQLException {
        Array a = rs.getArray(8);
        List<String> adjusts = a == null ? List.of() : Arrays.asList((String[]) a.getArray());
        return new StatementRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
                rs.getLong(6), rs.getString(7), List.copyOf(adjusts), rs.getTimestamp(9).toInstant(), canonical, csv, dsr);
    }

    private static PeriodState state(Connection c, String periodId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM period WHERE period_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? PeriodState.valueOf(rs.getString(1)) : PeriodState.OPEN;
            }
        }
    }

    private static boolean anyOtherNotOpen(Connection c, String periodId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM period WHERE state <> 'OPEN' AND period_id <> ?)")) {
            ps.setString(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
