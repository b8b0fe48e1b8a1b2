package io.fairshare.ingest.domain;

import java.util.List;

/**
 * One submitted usage event as sent, not yet validated: every field as {@link Sent}, so the
 * validator can say which is missing, of the wrong kind, or out of bounds.
 */
public record UsageEventInput(
        Sent<String> eventId,
        Sent<String> platformId,
        Sent<String> modelId,
        Sent<String> modelVersion,
        Sent<String> usageType,
        Sent<Work> work,
        Sent<Number> units,
        Sent<String> unitKind,
        Sent<String> usedAt,
        Sent<String> territory,
        Sent<String> datasetId,
        Sent<Number> attributionWeight,
        Sent<String> trainingRunId) {

    /** An event as sent without a training run id. */
    public UsageEventInput(Sent<String> eventId, Sent<String> platformId, Sent<String> modelId, Sent<String> modelVersion,
                           Sent<String> usageType, Sent<Work> work, Sent<Number> units, Sent<String> unitKind, Sent<String> usedAt,
                           Sent<String> territory, Sent<String> datasetId, Sent<Number> attributionWeight) {
        this(eventId, platformId, modelId, modelVersion, usageType, work, units, unitKind, usedAt, territory, datasetId, attributionWeight,
                Sent.missing());
    }

    /** {@code work}: the identifiers of the work used, and its title. */
    public record Work(Sent<List<Sent<Identifier>>> identifiers, Sent<String> title) {
    }

    /** One element of {@code work.identifiers}. */
    public record Identifier(Sent<String> scheme, Sent<String> value) {
    }
}
