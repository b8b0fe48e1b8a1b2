package io.fairshare.settlement.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.settlement.config.SettlementSettings;
import io.fairshare.settlement.domain.claim.ClaimAdjustment;
import io.fairshare.settlement.domain.close.CloseInput;
import io.fairshare.settlement.domain.close.CloseResult;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.statement.ModelBreakdown;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.period.PeriodState;
import io.fairshare.settlement.domain.period.PeriodTransition;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.close.StatementCalculator;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.usage.UsageRow;
import io.fairshare.settlement.export.DsrStyleReport;
import io.fairshare.settlement.export.StatementCsv;
import io.fairshare.settlement.persistence.SettlementStore;
import io.fairshare.settlement.application.StatementRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The close of a period: begin (OPEN to CLOSING, usage frozen), aggregate the period's usage in SQL,
 * compute statements with {@link StatementCalculator}, and store them with their announcements and
 * the period's CLOSED state in one transaction. Safe to repeat: a closed period answers its stored
 * statements; a close that stopped half-way (CLOSING) computes the same statements again.
 */
@ApplicationScoped
public class CloseService {
    private static final Logger LOG = Logger.getLogger(CloseService.class);

    /** A close's answer: the period, its state and its statements (metadata only). */
    public record Closed(String periodId, PeriodState state, List<StatementRecord> statements) {
    }

    /** An open period's running figures, computed as a close would but not stored. */
    public record Provisional(String periodId, PeriodState state, int rows, List<StatementRecord> statements, List<?> errors) {
    }

    private final SettlementStore store;
    private final Terms terms;
    private final StatementCalculator calculator;
    private final PeriodCalendar calendar;
    private final ObjectMapper json;
    private final SettlementSettings settings;

    private final io.micrometer.core.instrument.MeterRegistry meters;

    /** The statement log: each close appends its lines and signs a tree head (issue 14, section 4). */
    @jakarta.inject.Inject
    TransparencyLog transparency;

    /** Accepted claims become adjustments of the next close (issue 14, section 5). */
    @jakarta.inject.Inject
    Claims claims;

    public CloseService(SettlementStore store, Terms terms, StatementCalculator calculator, PeriodCalendar calendar, ObjectMapper json,
                        SettlementSettings settings, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.terms = terms;
        this.calculator = calculator;
        this.calendar = calendar;
        this.json = json;
        this.settings = settings;
    }

    /** A close of the schedule's (no actor, not audited). */
    public Closed close(String periodId) {
        return close(null, periodId);
    }

    /**
     * A close by {@code actor}: its {@code CLOSE_PERIOD} audit row is stored with the statements, in the
     * transaction that issues them (a close that issues nothing, because the period was closed already
     * or the computation was rejected, records none).
     */
    public Closed close(Caller actor, String periodId) {
        Period period = terms.period(periodId);
        SettlementStore.Begin begin = store.beginClose(period, calendar.previous(period), Instant.now());
        PeriodTransition t = begin.transition();
        if (t.outcome() == PeriodTransition.Outcome.REJECTED) {
            meters.counter("fairshare.settlement.period.closes", "outcome", "refused").increment();
            throw ApiProblem.conflict(t.code().toLowerCase(Locale.ROOT).replace('_', '-'), t.reason());
        }
        if (t.from() == PeriodState.CLOSED) {
            transparency.publish(period.id(), List.of());
            return new Closed(period.id(), PeriodState.CLOSED, store.statements(period.id()));
        }
        IssuedStatements issued;
        List<ClaimAdjustment> settling = claims.toSettle(period.id());
        try {
            issued = compute(period, begin.genesis(), settling);
        } catch (RuntimeException e) {
            meters.counter("fairshare.settlement.period.closes", "outcome", "rejected").increment();
            throw e;
        }
        Instant issuedAt = Instant.now();
        List<SettlementStore.NewStatement> rows = new ArrayList<>();
        for (SocietyStatement s : issued.societyStatements()) {
            StatementIssuedV1 a = Announcements.of(s, issuedAt);
            rows.add(new SettlementStore.NewStatement(record(s, a, issuedAt), write(a)));
        }
        for (PlatformStatement p : issued.platformStatements()) {
            StatementIssuedV1 a = Announcements.of(p, issued, issuedAt);
            rows.add(new SettlementStore.NewStatement(record(a, p.canonicalForm(), StatementCsv.export(p), null), write(a)));
        }
        if (store.issue(actor, period.id(), rows, issuedAt, settling.stream().map(ClaimAdjustment::claimId).toList())) {
            LOG.infof("period %s closed: %d statement(s) issued", period.id(), rows.size());
            meters.counter("fairshare.settlement.period.closes", "outcome", "closed").increment();
            for (SettlementStore.NewStatement row : rows) {
                meters.counter("fairshare.settlement.statements", "kind", row.statement().kind()).increment();
            }
        }
        transparency.publish(period.id(), rowsIssued(rows));
        return new Closed(period.id(), PeriodState.CLOSED, store.statements(period.id()));
    }

    /** Running figures of a period from the usage recorded so far; nothing is stored. */
    public Provisional provisional(String periodId) {
        Period period = terms.period(periodId);
        PeriodState state = store.state(period.id());
        List<UsageRow> rows = store.rows(period.id(), false);
        CloseResult result = calculate(period, rows, claims.toSettle(period.id()));
        Instant now = Instant.now();
        if (result instanceof CloseResult.Rejected r) {
            return new Provisional(period.id(), state, rows.size(), List.of(), r.errors());
        }
        IssuedStatements issued = ModelBreakdown.apply(((CloseResult.Issued) result).statements(), store.modelRows(period.id(), false));
        List<StatementRecord> out = new ArrayList<>();
        issued.societyStatements().forEach(s -> out.add(record(Announcements.of(s, now), null, null, null)));
        issued.platformStatements().forEach(p -> out.add(record(Announcements.of(p, issued, now), null, null, null)));
        return new Provisional(period.id(), state, rows.size(), out, List.of());
    }

    private IssuedStatements compute(Period period, boolean genesis, List<ClaimAdjustment> settling) {
        CloseResult result = calculate(period, store.rows(period.id(), genesis), settling);
        if (result instanceof CloseResult.Rejected r) {
            throw new io.fairshare.service.rest.ApiProblem(409, "close-rejected", "The close was rejected",
                    "period " + period.id() + " stays CLOSING; fix what the errors name and close again", r.errors(), Map.of());
        }
        // platform statements gain their per-model breakdown; every other figure stays as calculated
        return ModelBreakdown.apply(((CloseResult.Issued) result).statements(), store.modelRows(period.id(), genesis));
    }

    private CloseResult calculate(Period period, List<UsageRow> rows, List<ClaimAdjustment> settling) {
        StatutoryScheme statutory = terms.statutoryScheme().orElseThrow(() -> ApiProblem.conflict("statutory-scheme-missing",
                "no statutory scheme is configured: PUT /v1/statutory-scheme first"));
        return calculator.close(new CloseInput(period, rows, terms.tariffs(), statutory, terms.revenue(period.id()), settling));
    }

    private StatementRecord record(SocietyStatement s, StatementIssuedV1 a, Instant issuedAt) {
        return record(a, s.canonicalForm(), StatementCsv.export(s), DsrStyleReport.export(s, settings.senderPartyId(), issuedAt));
    }

    private static StatementRecord record(StatementIssuedV1 a, byte[] canonical, byte[] csv, byte[] dsr) {
        String addressee = a.societyId() != null ? a.societyId() : a.partyId() != null ? a.partyId() : a.platformId();
        return new StatementRecord(a.statementId(), a.periodId(), a.kind().name(), addressee, a.currency(), a.totalMinor(), a.sha256(),
                a.adjustsPeriods(), a.issuedAt(), canonical, csv, dsr);
    }

    private static List<StatementRecord> rowsIssued(List<SettlementStore.NewStatement> rows) {
        return rows.stream().map(SettlementStore.NewStatement::statement).toList();
    }

    private String write(StatementIssuedV1 a) {
        try {
            return json.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
