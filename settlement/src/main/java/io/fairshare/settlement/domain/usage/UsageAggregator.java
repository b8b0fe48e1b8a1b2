package io.fairshare.settlement.domain.usage;

import io.fairshare.settlement.domain.outcome.CloseError;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.tariff.BasisPoints;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns single resolved events into {@link UsageRow}s, the same rows the database produces by
 * aggregation. Defensive about its input:
 * <ul>
 *   <li>an event repeated with the same {@code (platformId, eventId)} and the same content is counted
 *       once ({@code duplicatesIgnored} says how many copies were dropped);</li>
 *   <li>the same key with different content is a conflict: nothing can tell which copy is right, so
 *       the aggregation reports {@code DUPLICATE_EVENT_CONFLICT} instead of picking one;</li>
 *   <li>an event that breaks the contract (shares not summing to 10000, no party on a non-UNCLAIMED
 *       line, ...) is reported, never silently dropped.</li>
 * </ul>
 * The output does not depend on the order of the input.
 */
public final class UsageAggregator {
    private UsageAggregator() {
    }

    public record Aggregation(List<UsageRow> rows, int duplicatesIgnored, List<CloseError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    public static Aggregation aggregate(Collection<ResolvedUsage> events, PeriodCalendar calendar) {
        Map<String, ResolvedUsage> byKey = new HashMap<>(events.size() * 2);
        List<CloseError> errors = new ArrayList<>();
        int duplicates = 0;
        Set<String> conflicted = new HashSet<>();
        for (ResolvedUsage e : events) {
            String key = e.platformId() + "/" + e.eventId();
            ResolvedUsage first = byKey.putIfAbsent(key, e);
            if (first != null) {
                if (sameContent(first, e)) {
                    duplicates++;
                } else if (conflicted.add(key)) {
                    errors.add(new CloseError("DUPLICATE_EVENT_CONFLICT", "event " + key,
                            "two different events carry the id " + key + "; resolve the conflict upstream before closing"));
                }
            }
        }
        Map<UsageRow, UsageRow> rows = new HashMap<>();
        for (Map.Entry<String, ResolvedUsage> entry : byKey.entrySet()) {
            ResolvedUsage e = entry.getValue();
            List<CloseError> problems = validate(e, entry.getKey());
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            String period = calendar.periodOf(e.usedAt()).id();
            BigDecimal weighted = e.weightedUnits();
            for (ResolvedLine l : e.lines()) {
                UsageRow row = new UsageRow(e.platformId(), period, l.societyId(), l.partyId(), e.workId(), e.workCategory(),
                        e.usageType(), e.unitKind(), l.tariffId(), l.status(), l.disputed(), e.backClaim(),
                        1, e.units(), new BasisPoints(l.shareBasisPoints()).of(weighted));
                rows.merge(row.key(), row, UsageRow::plus);
            }
        }
        List<UsageRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(UsageRow.KEY_ORDER);
        errors.sort(Comparator.naturalOrder());
        return new Aggregation(List.copyOf(sorted), duplicates, List.copyOf(errors));
    }

    /**
     * What is wrong with one resolved event (empty if nothing): the checks a close applies, for
     * callers that store events one by one and want to refuse a bad one on arrival rather than at the close.
     */
    public static List<CloseError> problems(ResolvedUsage e) {
        return validate(e, e.platformId() + "/" + e.eventId());
    }

    /** The contract a resolved event must keep; each problem is one error. */
    static List<CloseError> validate(ResolvedUsage e, String key) {
        List<CloseError> errors = new ArrayList<>();
        String subject = "event " + key;
        if (isBlank(e.platformId()) || isBlank(e.eventId())) {
            errors.add(new CloseError("EVENT_INVALID", subject, "platformId and eventId are required"));
        }
        if (e.usageType() == null || e.unitKind() == null || e.usedAt() == null) {
            errors.add(new CloseError("EVENT_INVALID", subject, "usageType, unitKind and usedAt are required"));
        }
        if (e.units() <= 0) {
            errors.add(new CloseError("EVENT_INVALID", subject, "units must be positive, was " + e.units()));
        }
        BigDecimal w = e.weight();
        if (w.signum() <= 0 || w.compareTo(ResolvedUsage.MAX_WEIGHT) > 0) {
            errors.add(new CloseError("EVENT_INVALID", subject, "attributionWeight must be in (0, 1000000], was " + w.toPlainString()));
        }
        if (isBlank(e.workId())) {
            errors.add(new CloseError("EVENT_INVALID", subject, "workId is required"));
        }
        if (e.lines().isEmpty()) {
            errors.add(new CloseError("EVENT_INVALID", subject, "an event needs at least one line"));
        }
        long sum = 0;
        for (int i = 0; i < e.lines().size(); i++) {
            ResolvedLine l = e.lines().get(i);
            if (l == null) {
                errors.add(new CloseError("EVENT_INVALID", subject, "line " + i + " is null"));
                continue;
            }
            sum += l.shareBasisPoints();
            errors.addAll(validateLine(subject + " line " + i, l.status(), l.partyId(), l.tariffId(), l.shareBasisPoints()));
        }
        if (!e.lines().isEmpty() && sum != BasisPoints.WHOLE) {
            errors.add(new CloseError("SHARES_NOT_WHOLE", subject, "the lines' shares sum to " + sum + " basis points, not 10000"));
        }
        return errors;
    }

    public static List<CloseError> validateLine(String subject, LineStatus status, String partyId, String tariffId, int basisPoints) {
        if (status != null && basisPoints >= 1 && basisPoints <= BasisPoints.WHOLE
                && (status == LineStatus.UNCLAIMED ? partyId == null : !isBlank(partyId))
                && (status != LineStatus.LICENSED || !isBlank(tariffId))) {
            return List.of();
        }
        List<CloseError> errors = new ArrayList<>(2);
        if (status == null) {
            errors.add(new CloseError("EVENT_INVALID", subject, "status is required"));
            return errors;
        }
        if (basisPoints < 1 || basisPoints > BasisPoints.WHOLE) {
            errors.add(new CloseError("EVENT_INVALID", subject, "a share is 1..10000 basis points, was " + basisPoints));
        }
        if (status == LineStatus.UNCLAIMED && partyId != null) {
            errors.add(new CloseError("EVENT_INVALID", subject, "an UNCLAIMED line has no party"));
        }
        if (status != LineStatus.UNCLAIMED && isBlank(partyId)) {
            errors.add(new CloseError("EVENT_INVALID", subject, "a " + status + " line needs a party"));
        }
        if (status == LineStatus.LICENSED && isBlank(tariffId)) {
            errors.add(new CloseError("EVENT_INVALID", subject, "a LICENSED line needs the licence's tariffId"));
        }
        return errors;
    }

    private static boolean sameContent(ResolvedUsage a, ResolvedUsage b) {
        return Objects.equals(a.modelId(), b.modelId()) && Objects.equals(a.modelVersion(), b.modelVersion())
                && Objects.equals(a.trainingRunId(), b.trainingRunId()) && Objects.equals(a.datasetId(), b.datasetId())
                && a.usageType() == b.usageType() && a.units() == b.units() && a.unitKind() == b.unitKind()
                && Objects.equals(a.usedAt(), b.usedAt()) && Objects.equals(a.territory(), b.territory())
                && a.weight().compareTo(b.weight()) == 0 && Objects.equals(a.workId(), b.workId())
                && Objects.equals(a.workCategory(), b.workCategory()) && a.backClaim() == b.backClaim()
                && sortedLines(a).equals(sortedLines(b));
    }

    private static List<String> sortedLines(ResolvedUsage e) {
        List<String> out = new ArrayList<>();
        for (ResolvedLine l : e.lines()) {
            out.add(String.valueOf(l));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
