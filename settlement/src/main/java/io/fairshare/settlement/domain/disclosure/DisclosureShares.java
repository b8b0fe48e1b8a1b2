package io.fairshare.settlement.domain.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The arithmetic of disclosure reports: shares of a model's total units, and the suppression of small groups.
 *
 * <p>Suppression: in the public summary, every group with fewer than {@code minGroupEvents} events is folded into
 * one "other (suppressed)" row. When that row itself would hold fewer than {@code minGroupEvents} events (one small
 * group alone is as identifying folded as not), the next smallest groups are folded too until it holds enough or
 * nothing is left to fold.
 */
public final class DisclosureShares {
    /** The name of the folded row. */
    public static final String SUPPRESSED = "other (suppressed)";
    /** The name of the society group of lines without a society. */
    public static final String NO_SOCIETY = "(no society)";
    /** Decimal places of a share (a fraction of 1). */
    public static final int SHARE_SCALE = 6;

    private DisclosureShares() {
    }

    /** {@code units / total}, {@link #SHARE_SCALE} places, half-even; zero when the total is zero. */
    public static BigDecimal share(long units, long total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** A share as a percentage with one decimal place, half-even: 0.131 is "13.1%". */
    public static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** {@code units / total} as a percentage with one decimal place, rounded once (half-even) from the exact ratio. */
    public static String percent(long units, long total) {
        if (total == 0) {
            return "0.0%";
        }
        return BigDecimal.valueOf(units).movePointRight(2).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Groups ({@code name -> [events, units]}) as shares of {@code totalUnits}, largest first, folded below {@code minGroupEvents}. */
    public static List<Share> fold(Map<String, long[]> groups, long totalUnits, int minGroupEvents) {
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey));
        List<Map.Entry<String, long[]>> shown = new ArrayList<>();
        long otherEvents = 0;
        long otherUnits = 0;
        for (Map.Entry<String, long[]> e : sorted) {
            if (e.getValue()[0] < minGroupEvents) {
                otherEvents += e.getValue()[0];
                otherUnits += e.getValue()[1];
            } else {
                shown.add(e);
            }
        }
        // complementary suppression: a folded row too small on its own takes the smallest shown groups with it
        boolean folded = otherEvents > 0 || shown.size() < groups.size();
        while (folded && otherEvents < minGroupEvents && !shown.isEmpty()) {
            Map.Entry<String, long[]> smallest = shown.stream()
                    .min(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0]).thenComparing(Map.Entry::getKey))
                    .orElseThrow();
            shown.remove(smallest);
            otherEvents += smallest.getValue()[0];
            otherUnits += smallest.getValue()[1];
        }
        List<Share> out = new ArrayList<>(shown.size() + 1);
        for (Map.Entry<String, long[]> e : shown) {
            out.add(Share.of(e.getKey(), e.getValue()[0], e.getValue()[1], totalUnits, false));
        }
        if (folded) {
            out.add(Share.of(SUPPRESSED, otherEvents, otherUnits, totalUnits, true));
        }
        return out;
    }

    /**
     * The report of a model from its stored aggregates: totals from the once-per-event counts, work category and
     * usage type from the same, society and licence status from their once-per-society and once-per-status counts. {@code minGroupEvents} 0:
     * nothing folded (the detailed report), and {@code works} listed.
     */
    public static DisclosureReport report(String periodId, String platformId, String modelId, String modelVersion, boolean detailed,
                                          int minGroupEvents, List<AggregateRow> rows, List<WorkRow> works) {
        int min = detailed ? 0 : minGroupEvents;
        long events = 0;
        long units = 0;
        for (AggregateRow r : rows) {
            events += r.events();
            units += r.units();
        }
        List<Dimension> dimensions = List.of(
                new Dimension(Dimension.WORK_CATEGORY, fold(sum(rows, AggregateRow::workCategory, r -> r.events(), r -> r.units()), units, min)),
                new Dimension(Dimension.USAGE_TYPE, fold(sum(rows, AggregateRow::usageType, r -> r.events(), r -> r.units()), units, min)),
                new Dimension(Dimension.SOCIETY, fold(sum(rows, r -> societyName(r.societyId()), r -> r.societyEvents(), r -> r.societyUnits()),
                        units, min)),
                new Dimension(Dimension.LICENCE_STATUS, fold(sum(rows, AggregateRow::status, r -> r.statusEvents(), r -> r.statusUnits()), units, min)));
        List<WorkShare> workShares = new ArrayList<>();
        if (detailed) {
            for (WorkRow w : works) {
                workShares.add(new WorkShare(w.workId(), societyName(w.societyId()), w.status(), w.events(), w.units(),
                        share(w.units(), units), percent(w.units(), units)));
            }
            workShares.sort(Comparator.comparingLong((WorkShare s) -> -s.units()).thenComparing(WorkShare::workId)
                    .thenComparing(WorkShare::society).thenComparing(WorkShare::status));
        }
        return new DisclosureReport(periodId, platformId, modelId, modelVersion, detailed, min, events, units, dimensions, workShares);
    }

    /** A society's name in a report; lines without a society are one group of their own. */
    public static String societyName(String societyId) {
        return societyId == null || societyId.isEmpty() ? NO_SOCIETY : societyId;
    }

    private static Map<String, long[]> sum(List<AggregateRow> rows, Function<AggregateRow, String> key, ToLongFunction<AggregateRow> events,
                                           ToLongFunction<AggregateRow> units) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (AggregateRow r : rows) {
            long[] t = out.computeIfAbsent(key.apply(r), k -> new long[2]);
            t[0] += events.applyAsLong(r);
            t[1] += units.applyAsLong(r);
        }
        // a group whose events all counted under another (society, status) has nothing of its own
        out.values().removeIf(t -> t[0] == 0 && t[1] == 0);
        return out;
    }
}
