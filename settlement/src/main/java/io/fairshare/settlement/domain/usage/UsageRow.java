package io.fairshare.settlement.domain.usage;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * Usage pre-aggregated per statement line: what the database returns for
 * {@code GROUP BY platform, usage period, society, party, work, work category, usage type, unit kind,
 * tariff, status, disputed, back-claim}, or what {@link UsageAggregator} makes from single events. The
 * close costs time in proportion to the number of rows, not of events. Two rows with the same key
 * are added together.
 *
 * @param usagePeriod     the id of the period the usage falls in (by time of use); earlier than the
 *                        period being closed means late usage, settled as an adjustment
 * @param events          how many event lines contributed ({@code COUNT(*)}; an event counts once per line it has in the row)
 * @param units           the sum of the events' units (as reported, before weight and share)
 * @param attributedUnits the sum over events of {@code units * attributionWeight * shareBasisPoints / 10000},
 *                        exact; compute {@code SUM(units * weight * share_bp)} and shift four decimal places in Java
 */
public record UsageRow(
        String platformId,
        String usagePeriod,
        String societyId,
        String partyId,
        String workId,
        String workCategory,
        UsageType usageType,
        UnitKind unitKind,
        String tariffId,
        LineStatus status,
        boolean disputed,
        boolean backClaim,
        long events,
        long units,
        BigDecimal attributedUnits) {

    /**
     * The statement order of lines, also the order that breaks ties in rounding: platform, usage
     * period, society, party, work, work category, usage type, unit kind, status (by name), tariff,
     * disputed, back-claim. Nulls come first; strings compare by UTF-16 code units.
     */
    public static final Comparator<UsageRow> KEY_ORDER = UsageRow::compareKeys;

    private static int compareKeys(UsageRow a, UsageRow b) {
        int c = compare(a.platformId, b.platformId);
        if (c != 0) {
            return c;
        }
        c = compare(a.usagePeriod, b.usagePeriod);
        if (c != 0) {
            return c;
        }
        c = compare(a.societyId, b.societyId);
        if (c != 0) {
            return c;
        }
        c = compare(a.partyId, b.partyId);
        if (c != 0) {
            return c;
        }
        c = compare(a.workId, b.workId);
        if (c != 0) {
            return c;
        }
        c = compare(a.workCategory, b.workCategory);
        if (c != 0) {
            return c;
        }
        c = compare(a.usageType == null ? null : a.usageType.name(), b.usageType == null ? null : b.usageType.name());
        if (c != 0) {
            return c;
        }
        c = compare(a.unitKind == null ? null : a.unitKind.name(), b.unitKind == null ? null : b.unitKind.name());
        if (c != 0) {
            return c;
        }
        c = compare(a.status == null ? null : a.status.name(), b.status == null ? null : b.status.name());
        if (c != 0) {
            return c;
        }
        c = compare(a.tariffId, b.tariffId);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(a.disputed, b.disputed);
        return c != 0 ? c : Boolean.compare(a.backClaim, b.backClaim);
    }

    private static int compare(String a, String b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }

    /** The row with its measures zeroed: equal keys mean the same statement line. */
    public UsageRow key() {
        return new UsageRow(platformId, usagePeriod, societyId, partyId, workId, workCategory, usageType, unitKind,
                tariffId, status, disputed, backClaim, 0, 0, BigDecimal.ZERO);
    }

    /** This row plus another with the same key. */
    public UsageRow plus(UsageRow other) {
        return new UsageRow(platformId, usagePeriod, societyId, partyId, workId, workCategory, usageType, unitKind,
                tariffId, status, disputed, backClaim, Math.addExact(events, other.events), Math.addExact(units, other.units),
                attributedUnits.add(other.attributedUnits));
    }
}
