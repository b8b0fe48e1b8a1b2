package io.fairshare.ingest.domain;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A usage event that passed validation: every value typed, identifiers normalised. */
public record UsageEvent(
        String eventId,
        String modelId,
        String modelVersion,
        UsageType usageType,
        List<WorkId> identifiers,
        String title,
        long units,
        UnitKind unitKind,
        Instant usedAt,
        String territory,
        String datasetId,
        BigDecimal attributionWeight,
        String trainingRunId) {

    /** An event without a training run id. */
    public UsageEvent(String eventId, String modelId, String modelVersion, UsageType usageType, List<WorkId> identifiers, String title,
                      long units, UnitKind unitKind, Instant usedAt, String territory, String datasetId, BigDecimal attributionWeight) {
        this(eventId, modelId, modelVersion, usageType, identifiers, title, units, unitKind, usedAt, territory, datasetId,
                attributionWeight, null);
    }
}
