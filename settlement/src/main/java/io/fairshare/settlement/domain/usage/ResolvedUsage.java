package io.fairshare.settlement.domain.usage;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A usage event as rights-registry resolved it: what was used, how much, when, and whose shares it
 * touched. {@code (platformId, eventId)} identifies the event everywhere.
 *
 * @param attributionWeight exact weight in (0, 1000000]; null means 1
 * @param trainingRunId     the platform's training run, if the event named one
 * @param datasetId         the dataset, if the event named one
 */
public record ResolvedUsage(
        String platformId,
        String eventId,
        String modelId,
        String modelVersion,
        UsageType usageType,
        long units,
        UnitKind unitKind,
        Instant usedAt,
        String territory,
        BigDecimal attributionWeight,
        String workId,
        String workCategory,
        boolean backClaim,
        List<ResolvedLine> lines,
        String trainingRunId,
        String datasetId) {

    /** An event that names no training run or dataset. */
    public ResolvedUsage(String platformId, String eventId, String modelId, String modelVersion, UsageType usageType, long units,
                         UnitKind unitKind, Instant usedAt, String territory, BigDecimal attributionWeight, String workId,
                         String workCategory, boolean backClaim, List<ResolvedLine> lines) {
        this(platformId, eventId, modelId, modelVersion, usageType, units, unitKind, usedAt, territory, attributionWeight, workId,
                workCategory, backClaim, lines, null, null);
    }

    public static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000);

    public ResolvedUsage {
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** The weight to apply: {@code attributionWeight}, or 1 when absent. */
    public BigDecimal weight() {
        return attributionWeight == null ? BigDecimal.ONE : attributionWeight;
    }

    /** {@code units * weight}, exactly. */
    public BigDecimal weightedUnits() {
        return BigDecimal.valueOf(units).multiply(weight());
    }
}
