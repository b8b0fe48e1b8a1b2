package io.fairshare.settlement.persistence;

import io.fairshare.service.persistence.CopyText;

import io.agroal.api.AgroalDataSource;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import io.fairshare.service.persistence.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The append-only usage ledger. One transaction per batch: it holds the ledger gate FOR SHARE (so a
 * period cannot start closing half-way through the batch), decides each event's settle period, and
 * inserts the events' keys with one statement over arrays ({@code unnest}, {@code ON CONFLICT DO NOTHING
 * RETURNING}) and COPYs the lines of the events that were new: an event already stored under
 * {@code (platform_id, event_id)} is skipped with its lines. The same transaction adds the inserted events to the
 * disclosure aggregates ({@link DisclosureAggregates}) and to the usage aggregate the close and the party view read
 * ({@link UsageTotals}).
 */
@ApplicationScoped
public class UsageLedgerStore {
    static final String GATE_SHARED = "SELECT 1 FROM ledger_gate WHERE id = 1 FOR SHARE";
    static final String LAST_NOT_OPEN = "SELECT max(period_id) FROM period WHERE state <> 'OPEN'";
    private static final String APPEND_EVENTS = """
            INSERT INTO usage_event (platform_id, event_id, usage_period, settle_period, used_at, trace_id)
            SELECT p, e, u, s, t::timestamptz, tr
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[]) AS x(p, e, u, s, t, tr)
            ON CONFLICT (platform_id, event_id) DO NOTHING
            RETURNING platform_id, event_id""";
    private static final String COPY_LINES = """
            COPY usage_line (settle_period, usage_period, platform_id, event_id, society_id, party_id, work_id, work_category,
                             usage_type, unit_kind, tariff_id, status, disputed, back_claim, units, attributed_x,
                             model_id, model_version, training_run_id, dataset_id) FROM STDIN""";
    private static final String REFUSE = """
            INSERT INTO usage_refused (platform_id, event_id, reason, payload)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::text[])
            ON CONFLICT DO NOTHING""";

    /** A resolved event the ledger would not take, and why. */
    public record Refused(String platformId, String eventId, String reason, String payload) {
    }

    private final AgroalDataSource dataSource;
    private final PeriodCalendar calendar;

    private final Transactions tx;

    public UsageLedgerStore(AgroalDataSource dataSource, PeriodCalendar calendar) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.calendar = calendar;
    }

    /** Stores the events (distinct keys, valid) and the refusals in one transaction; returns the lines inserted. */
    public int append(List<ResolvedUsage> events, List<Refused> refused) {
        return append(events, refused, Map.of());
    }

    /** The key of {@code traceIds} in {@link #append(List, List, Map)}. */
    public static String eventKey(String platformId, String eventId) {
        return platformId + '\u0000' + eventId;
    }

    /**
     * Stores the events and the refusals in one transaction, each event with its trace id ({@code traceIds} by
     * {@link #eventKey}; none for an event it does not name); returns the lines inserted.
     */
    public int append(List<ResolvedUsage> events, List<Refused> refused, Map<String, String> traceIds) {
        if (events.isEmpty() && refused.isEmpty()) {
            return 0;
        }
        return tx.write(c -> {
            Period firstOpen = firstOpenPeriod(c);
            int lines = events.isEmpty() ? 0 : insert(c, events, firstOpen, traceIds);
            if (!refused.isEmpty()) {
                refuse(c, refused);
            }
            return lines;
        });
    }

    /**
     * Takes the gate shared and answers the first period still open after the last closing or
     * closed one (null while no period has begun closing: every period is open).
     */
    private Period firstOpenPeriod(Connection c) throws SQLException {
        try (PreparedStatement gate = c.prepareStatement(GATE_SHARED)) {
            gate.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement(LAST_NOT_OPEN); ResultSet rs = ps.executeQuery()) {
            rs.next();
            String last = rs.getString(1);
            return last == null ? null : calendar.next(calendar.parse(last).orElseThrow());
        }
    }

    /**
     * Inserts the events' keys (one unnest INSERT, ON CONFLICT DO NOTHING RETURNING the new ones), then
     * COPYs the lines of the new events only, in the same transaction.
     */
    private int insert(Connection c, List<ResolvedUsage> events, Period firstOpen, Map<String, String> traceIds) throws SQLException {
        int n = events.size();
        String[] ep = new String[n], ee = new String[n], eu = new String[n], es = new String[n], et = new String[n];
        String[] tr = new String[n];
        String[] settle = new String[n];
        String[] usage = new String[n];
        for (int i = 0; i < n; i++) {
            ResolvedUsage e = events.get(i);
            Period u = calendar.periodOf(e.usedAt());
            Period p = firstOpen == null || u.compareTo(firstOpen) >= 0 ? u : firstOpen;
            ep[i] = e.platformId();
            ee[i] = e.eventId();
            eu[i] = usage[i] = u.id();
            es[i] = settle[i] = p.id();
            et[i] = e.usedAt().toString();
            tr[i] = traceIds.get(eventKey(e.platformId(), e.eventId()));
        }
        Set<String> inserted = new HashSet<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(APPEND_EVENTS)) {
            int k = 1;
            for (String[] a : List.of(ep, ee, eu, es, et, tr)) {
                ps.setArray(k++, c.createArrayOf("varchar", a));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1) + '\u0000' + rs.getString(2));
                }
            }
        }
        if (inserted.isEmpty()) {
            return 0;
        }
        CopyText copy = new CopyText(inserted.size() * 200);
        DisclosureAggregates aggregates = new DisclosureAggregates();
        UsageTotals totals = new UsageTotals();
        int lines = 0;
        for (int i = 0; i < n; i++) {
            ResolvedUsage e = events.get(i);
            if (!inserted.contains(e.platformId() + '\u0000' + e.eventId())) {
                continue;
            }
            aggregates.add(settle[i], e);
            totals.add(settle[i], usage[i], e);
            BigDecimal weighted = e.weightedUnits();
            for (ResolvedLine l : e.lines()) {
                copy.field(settle[i]).field(usage[i]).field(e.platformId()).field(e.eventId()).field(l.societyId()).field(l.partyId())
                        .field(e.workId()).field(e.workCategory()).field(e.usageType().name()).field(e.unitKind().name())
                        .field(l.tariffId()).field(l.status().name()).field(l.disputed() ? "t" : "f").field(e.backClaim() ? "t" : "f")
                        .number(Long.toString(e.units())).number(attributedX(weighted, l).toPlainString())
                        .field(e.modelId()).field(e.modelVersion()).field(e.trainingRunId()).field(e.datasetId()).endRow();
                lines++;
            }
        }
        copy.copy(c, COPY_LINES, "usage lines");
        aggregates.store(c); // the disclosure and usage aggregates of exactly the lines COPY'd, in the same transaction
        totals.store(c);
        return lines;
    }

    /** A line's {@code attributed_x}: units x weight x share_bp, exact; the close shifts the sum four places (see UsageRow). */
    static BigDecimal attributedX(BigDecimal weightedUnits, ResolvedLine l) {
        return weightedUnits.multiply(BigDecimal.valueOf(l.shareBasisPoints()));
    }

    private void refuse(Connection c, List<Refused> refused) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REFUSE)) {
            ps.setArray(1, c.createArrayOf("varchar", refused.stream().map(Refused::platformId).toArray(String[]::new)));
            ps.setArray(2, c.createArrayOf("varchar", refused.stream().map(Refused::eventId).toArray(String[]::new)));
            ps.setArray(3, c.createArrayOf("text", refused.stream().map(Refused::reason).toArray(String[]::new)));
            ps.setArray(4, c.createArrayOf("text", refused.stream().map(Refused::payload).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }
}
