package io.fairshare.ingest.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds a submitted event must respect.
 *
 * @param maxFutureSkew how far in the future a time of use may lie (clocks drift)
 * @param earliestUsedAt no time of use before this instant is credible
 * @param maxUnits       the largest {@code units} accepted in one event
 */
public record IngestLimits(Duration maxFutureSkew, Instant earliestUsedAt, long maxUnits) {
    public static final long DEFAULT_MAX_UNITS = 1_000_000_000_000_000L;

    public static IngestLimits defaults() {
        return new IngestLimits(Duration.ofMinutes(5), Instant.parse("2000-01-01T00:00:00Z"), DEFAULT_MAX_UNITS);
    }
}
