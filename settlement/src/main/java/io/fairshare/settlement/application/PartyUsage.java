package io.fairshare.settlement.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.Scope;
import io.fairshare.settlement.persistence.PartyUsageStore;
import io.fairshare.settlement.persistence.PartyUsageStore.StoredStatement;
import io.fairshare.settlement.persistence.PartyUsageStore.UsageGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * A party's own view of settlement: which of its works were used, by which platform and model, how much, in which
 * period, under which licence status and why, and what it was owed on the issued statements (its own party
 * statements, and its societies' statement lines that name it).
 *
 * <p>Who may read: the party itself; the operator; an issued auditor credential within its scope (usage and
 * statement lines of its platforms and periods, audit-logged); a society for its members only (a party that appears
 * on usage lines with that society), and then only those lines and its own statements. Anyone else, a configured
 * auditor key without a scope, and a party settlement knows nothing of (for this caller) get the same 404, whose
 * body names no id: the answer never tells whether the party exists.
 */
@ApplicationScoped
public class PartyUsage {
    /** The one answer for a party this caller may not read, or that does not exist; it names no id. */
    static final String NOT_FOUND = "no usage of this party that you may read";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OWED_SECTIONS = List.of("lines", "adjustments", "violations");
    private static final String HELD_SECTION = "held";

    private final PartyUsageStore store;
    private final Terms terms;
    private final AdminAudit audit;

    public PartyUsage(PartyUsageStore store, Terms terms, AdminAudit audit) {
        this.store = store;
        this.terms = terms;
        this.audit = audit;
    }

    /** How a used work was settled, as the party reads it, and why. */
    public enum LicenceStatus {
        LICENSED, STATUTORY, VIOLATION, DISPUTED, UNCLAIMED
    }

    /** One group of usage lines of the party's work: one platform, model, work, period and status. */
    public record Usage(String periodId, String usagePeriod, String platformId, String modelId, String modelVersion, String societyId,
                        String workId, String workCategory, String usageType, String unitKind, LicenceStatus licenceStatus,
                        String lineStatus, String tariffId, boolean backClaim, long events, long units, String attributedUnits,
                        String reason) {
    }

    /**
     * One issued statement line that names the party; {@code lineNumber} is its place in its section (what a claim on it
     * names); {@code claimId} is set on the adjustment of an accepted claim.
     */
    public record OwedLine(String statementId, String periodId, String statementKind, String section, int lineNumber, String platformId,
                           String workId, String status, boolean disputed, String correctsPeriod, long events, long units,
                           String attributedUnits, String currency, String amount, String claimId) {
    }

    /** What the party was owed ({@code lines}, {@code adjustments}, {@code violations}) and what is held, per currency. */
    public record Totals(String currency, String owed, String held) {
    }

    public record View(String partyId, String periodId, List<Usage> usage, List<OwedLine> statementLines, List<Totals> totals) {
        boolean isEmpty() {
            return usage.isEmpty() && statementLines.isEmpty();
        }
    }

    /** The party's view for {@code caller}, in {@code periodId} or every period (null); 404 when the caller may not read it. */
    public View of(Caller caller, String partyId, String periodId) {
        String period = periodId == null || periodId.isBlank() ? null : terms.period(periodId).id();
        boolean own = caller.isOwn(Roles.PARTY, partyId);
        boolean scopedAuditor = caller.is(Roles.AUDITOR) && !caller.scope().isEmpty();
        boolean society = caller.is(Roles.SOCIETY);
        if (!own && !caller.isOperator() && !scopedAuditor && !society) {
            throw notFound();
        }
        BiPredicate<String, String> usageVisible;   // (platform, period) of a usage group, with its society checked below
        if (scopedAuditor) {
            Scope scope = caller.scope();
            usageVisible = scope::mayRead;
        } else {
            usageVisible = (platform, p) -> true;
        }
        PartyUsageStore.PartyRecords records = store.read(partyId, period);
        List<Usage> usage = new ArrayList<>();
        for (UsageGroup g : records.usage()) {
            if (usageVisible.test(g.platformId(), g.settlePeriod()) && (!society || caller.id().equals(g.societyId()))) {
                usage.add(usage(g));
            }
        }
        if (society && usage.isEmpty()) {
            throw notFound(); // not a member of this society (or no such party): the same answer
        }
        List<OwedLine> lines = new ArrayList<>();
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (StoredStatement s : records.statements()) {
            if (society && !("SOCIETY".equals(s.kind()) && caller.id().equals(s.addresseeId()))) {
                continue;
            }
            readLines(s, partyId, usageVisible, lines, totals);
        }
        View v = new View(partyId, period, List.copyOf(usage), List.copyOf(lines), totals.entrySet().stream()
                .map(e -> new Totals(e.getKey(), e.getValue()[0].toPlainString(), e.getValue()[1].toPlainString())).toList());
        if (scopedAuditor) {
            audit.record(caller, "READ_PARTY_USAGE", "party/" + partyId,
                    "period " + (period == null ? "all" : period) + "; scope platforms " + caller.scope().platforms()
                            + ", periods " + caller.scope().periods());
        }
        if (!own && v.isEmpty()) {
            throw notFound();
        }
        return v;
    }

    static ApiProblem notFound() {
        return ApiProblem.notFound(NOT_FOUND);
    }

    private static Usage usage(UsageGroup g) {
        LicenceStatus status = licenceStatus(g.status(), g.disputed());
        return new Usage(g.settlePeriod(), g.usagePeriod(), g.platformId(), g.modelId(), g.modelVersion(), g.societyId(), g.workId(),
                g.workCategory(), g.usageType(), g.unitKind(), status, g.status(), g.tariffId(), g.backClaim(), g.events(), g.units(),
                g.attributedX().movePointLeft(4).stripTrailingZeros().toPlainString(), reason(status, g));
    }

    static LicenceStatus licenceStatus(String lineStatus, boolean disputed) {
        if (disputed) {
            return LicenceStatus.DISPUTED;
        }
        return switch (lineStatus) {
            case "LICENSED" -> LicenceStatus.LICENSED;
            case "UNLICENSED" -> LicenceStatus.STATUTORY;
            case "RESERVED" -> LicenceStatus.VIOLATION;
            default -> LicenceStatus.UNCLAIMED;
        };
    }

    private static String reason(LicenceStatus status, UsageGroup g) {
        String via = g.societyId() == null ? "you directly" : "society " + g.societyId();
        String back = g.backClaim() ? " (a back claim for usage of " + g.usagePeriod() + ")" : "";
        return switch (status) {
            case LICENSED -> "licensed: a licence between platform " + g.platformId() + " and " + via + " covers the use, priced with tariff "
                    + g.tariffId() + back;
            case STATUTORY -> "unlicensed: no licence covers the use, so it is settled at the statutory tariff and flagged on the statement" + back;
            case VIOLATION -> "violation of a reservation: the work or you opted out of AI training; priced at the penalty rate" + back;
            case DISPUTED -> "disputed: the share of this work is disputed at the rights registry, so the money is held until it is resolved" + back;
            case UNCLAIMED -> "unclaimed share: held until a claim" + back;
        };
    }

    private static void readLines(StoredStatement s, String partyId, BiPredicate<String, String> visible, List<OwedLine> out,
                                  Map<String, BigDecimal[]> totals) {
        JsonNode root;
        try {
            root = JSON.readTree(s.canonical());
        } catch (IOException e) {
            throw new UncheckedIOException("statement " + s.statementId() + " is not readable JSON", e);
        }
        String currency = root.path("currency").asText();
        List<String> sections = new ArrayList<>(OWED_SECTIONS);
        sections.add(HELD_SECTION);
        for (String section : sections) {
            JsonNode lines = root.path(section);
            for (int n = 0; n < lines.size(); n++) {
                JsonNode l = lines.get(n);
                String platform = l.path("platformId").asText(null);
                if (!partyId.equals(l.path("partyId").asText(null)) || !visible.test(platform, s.periodId())) {
                    continue;
                }
                String amount = l.path("amount").asText("0");
                out.add(new OwedLine(s.statementId(), s.periodId(), s.kind(), section, n, platform, l.path("workId").asText(null),
                        l.path("status").asText(null), l.path("disputed").asBoolean(), l.path("correctsPeriod").asText(null),
                        l.path("events").asLong(), l.path("units").asLong(), l.path("attributedUnits").asText(null), currency, amount,
                        l.path("claimId").asText(null)));
                BigDecimal[] t = totals.computeIfAbsent(currency, c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int i = HELD_SECTION.equals(section) ? 1 : 0;
                t[i] = t[i].add(new BigDecimal(amount));
            }
        }
    }
}
