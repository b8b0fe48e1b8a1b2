package io.fairshare.registry.domain.resolution;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.scope.Territory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the resolver needs of a usage event.
 *
 * @param identifiers the work's identifiers as the platform reported them (canonical or not)
 * @param territory   an ISO country, or WORLD when the territory of use is unknown
 */
public record UsageQuery(PlatformId platform, List<WorkId> identifiers, Instant usedAt, Territory territory) {
    public UsageQuery {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(usedAt, "usedAt");
        Objects.requireNonNull(territory, "territory");
        identifiers = List.copyOf(identifiers);
    }

    /** The query for an accepted usage event (whose territory usage-ingest has validated). */
    public static UsageQuery of(UsageAcceptedV1 event) {
        Territory t = event.territory() == null ? Territory.WORLD
                : Territory.parse(event.territory()).orElse(Territory.WORLD);
        return new UsageQuery(new PlatformId(event.platformId()),
                event.work() == null ? List.of() : event.work().identifiers(), event.usedAt(), t);
    }
}
