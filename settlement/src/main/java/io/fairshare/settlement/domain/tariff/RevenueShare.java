package io.fairshare.settlement.domain.tariff;

import io.fairshare.contracts.usage.UnitKind;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A revenue-share pool: {@code basisPoints} of the revenue the platform declares for the period,
 * split over the tariff's lines pro rata to their pool weight, which is attributed units times the
 * weight of the line's unit kind ({@code unitKindWeights}; a kind not listed weighs 1). The weights
 * let one pool mix tokens and bytes, e.g. {@code {BYTES: 0.25}} counts four bytes as one token.
 */
public record RevenueShare(int basisPoints, Map<UnitKind, BigDecimal> unitKindWeights) {
}
