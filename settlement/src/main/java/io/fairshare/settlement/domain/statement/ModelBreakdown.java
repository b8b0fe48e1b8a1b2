package io.fairshare.settlement.domain.statement;

import io.fairshare.contracts.money.LargestRemainder;
import io.fairshare.contracts.money.Money;
import io.fairshare.settlement.domain.usage.ModelUsage;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The per-model breakdown of platform statements. A line's issued amount is split over the models whose
 * usage it merges, pro rata to their attributed units, by the largest-remainder method (every model's
 * part of a line earns in proportion to its attributed units under every tariff model, so this is its
 * exact share, rounded so that the parts sum to the line). A platform's lines are every payee line,
 * adjustment and violation it owes plus its UNCLAIMED and disputed holdbacks, so its models' amounts
 * sum to its statement's total; nothing else of the statement changes.
 */
public final class ModelBreakdown {
    private ModelBreakdown() {
    }

    /** The statements with each platform statement's {@code byModel} filled from {@code usage}. */
    public static IssuedStatements apply(IssuedStatements issued, List<ModelUsage> usage) {
        Map<String, List<ModelUsage>> byLine = new HashMap<>();
        for (ModelUsage u : usage) {
            byLine.computeIfAbsent(key(u.row(), issued.period().id()), k -> new ArrayList<>()).add(u);
        }
        Map<String, List<StatementLine>> linesOf = new HashMap<>();
        for (SocietyStatement s : issued.societyStatements()) {
            for (List<StatementLine> section : List.of(s.lines(), s.adjustments(), s.violations())) {
                section.forEach(l -> linesOf.computeIfAbsent(l.platformId(), k -> new ArrayList<>()).add(l));
            }
        }
        List<PlatformStatement> platforms = new ArrayList<>();
        for (PlatformStatement p : issued.platformStatements()) {
            List<StatementLine> lines = new ArrayList<>(linesOf.getOrDefault(p.platformId(), List.of()));
            lines.addAll(p.unclaimed());
            lines.addAll(p.disputed());
            platforms.add(p.withModels(of(lines, byLine, issued.period().id(), p)));
        }
        return new IssuedStatements(issued.period(), issued.societyStatements(), platforms);
    }

    private static List<ModelAmount> of(List<StatementLine> lines, Map<String, List<ModelUsage>> byLine, String periodId,
                                        PlatformStatement p) {
        Map<List<String>, long[]> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> String.valueOf(k.get(0)))
                .thenComparing(k -> String.valueOf(k.get(1))));
        for (StatementLine l : lines) {
            // a claim's adjustment merges no usage: it counts under no model
            List<ModelUsage> parts = l.isClaimAdjustment() ? List.of() : byLine.getOrDefault(key(l, periodId), List.of());
            if (parts.isEmpty()) {
                add(sums, null, null, l.events(), l.units(), l.amount().minor());
                continue;
            }
            long[] amounts = split(l.amount().minor(), parts);
            for (int i = 0; i < parts.size(); i++) {
                ModelUsage m = parts.get(i);
                add(sums, m.modelId(), m.modelVersion(), m.row().events(), m.row().units(), amounts[i]);
            }
        }
        List<ModelAmount> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new ModelAmount(k.get(0), k.get(1), v[0], v[1], Money.ofMinor(v[2], p.currency()))));
        return out;
    }

    private static void add(Map<List<String>, long[]> sums, String modelId, String modelVersion, long events, long units, long minor) {
        long[] v = sums.computeIfAbsent(java.util.Arrays.asList(modelId, modelVersion), k -> new long[3]);
        v[0] += events;
        v[1] += units;
        v[2] += minor;
    }

    /** A line's minor units over its models, pro rata to their attributed units; all to the first if none weighs. */
    private static long[] split(long minor, List<ModelUsage> parts) {
        long[] out = new long[parts.size()];
        BigDecimal[] w = new BigDecimal[parts.size()];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < w.length; i++) {
            BigDecimal a = parts.get(i).row().attributedUnits();
            w[i] = a == null || a.signum() < 0 ? BigDecimal.ZERO : a;
            sum = sum.add(w[i]);
        }
        if (minor < 0 || sum.signum() == 0) {
            out[0] = minor;
            return out;
        }
        BigDecimal[] split = LargestRemainder.split(BigDecimal.valueOf(minor), w, 0);
        for (int i = 0; i < out.length; i++) {
            out[i] = split[i].longValueExact();
        }
        return out;
    }

    private static String key(UsageRow r, String periodId) {
        return key(r.platformId(), r.usagePeriod(), r.societyId(), r.partyId(), r.workId(), r.workCategory(), r.usageType().name(),
                r.unitKind().name(), r.tariffId(), r.status().name(), r.disputed(), r.backClaim());
    }

    private static String key(StatementLine l, String periodId) {
        return key(l.platformId(), l.correctsPeriod() == null ? periodId : l.correctsPeriod(), l.societyId(), l.partyId(), l.workId(),
                l.workCategory(), l.usageType().name(), l.unitKind().name(), l.tariffId(), l.status().name(), l.disputed(), l.backClaim());
    }

    private static String key(String platform, String usagePeriod, String society, String party, String work, String category,
                              String usageType, String unitKind, String tariff, String status, boolean disputed, boolean backClaim) {
        return String.join("\u0000", Objects.toString(platform), Objects.toString(usagePeriod), Objects.toString(society),
                Objects.toString(party), Objects.toString(work), Objects.toString(category), usageType, unitKind, Objects.toString(tariff),
                status, Boolean.toString(disputed), Boolean.toString(backClaim));
    }
}
