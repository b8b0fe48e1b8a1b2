package io.fairshare.settlement.domain.disclosure;

import java.math.BigDecimal;

/**
 * One group of a dimension: its events and units and its share of the model's total units ({@code units / total},
 * {@link DisclosureShares#SHARE_SCALE} places, half-even), the same as people quote it ({@code percent}, one place,
 * rounded once from the exact ratio: 0.131 is "13.1%"), {@code suppressed} for the folded "other" row.
 */
public record Share(String group, long events, long units, BigDecimal share, String percent, boolean suppressed) {
    /** The group with its share of {@code total} units. */
    public static Share of(String group, long events, long units, long total, boolean suppressed) {
        return new Share(group, events, units, DisclosureShares.share(units, total), DisclosureShares.percent(units, total), suppressed);
    }
}
