package io.fairshare.contracts.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A usage event accepted by usage-ingest, as published on {@link io.fairshare.contracts.Topics#USAGE_ACCEPTED}.
 * Schema: {@code schemas/usage-accepted.v1.schema.json}.
 *
 * @param platformId        from the credentials that posted it, never from the body
 * @param eventId           the platform's own id; (platformId, eventId) is unique
 * @param units             how much was used, in {@code unitKind}; positive
 * @param territory         ISO 3166-1 alpha-2, upper case
 * @param datasetId         optional: the dataset the work was used from
 * @param attributionWeight optional exact weight in (0, 1000000], default 1
 * @param trainingRunId     optional: the platform's id of the training run (additive, after v1's first fields)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageAcceptedV1(
        String platformId,
        String eventId,
        String modelId,
        String modelVersion,
        UsageType usageType,
        WorkRef work,
        long units,
        UnitKind unitKind,
        Instant usedAt,
        String territory,
        String datasetId,
        BigDecimal attributionWeight,
        Instant acceptedAt,
        String trainingRunId) {

    /** An event without a training run id (the fields v1 started with). */
    public UsageAcceptedV1(String platformId, String eventId, String modelId, String modelVersion, UsageType usageType, WorkRef work,
                           long units, UnitKind unitKind, Instant usedAt, String territory, String datasetId,
                           BigDecimal attributionWeight, Instant acceptedAt) {
        this(platformId, eventId, modelId, modelVersion, usageType, work, units, unitKind, usedAt, territory, datasetId,
                attributionWeight, acceptedAt, null);
    }
}
