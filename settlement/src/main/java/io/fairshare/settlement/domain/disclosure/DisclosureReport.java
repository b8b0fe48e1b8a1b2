package io.fairshare.settlement.domain.disclosure;

import java.util.List;

/**
 * What a model of a platform used in a period: totals and the four dimensions; for the detailed report
 * ({@code detailed}) nothing is suppressed and {@code works} lists every work, for the public summary
 * {@code works} is empty and groups under {@code minGroupEvents} events are folded.
 */
public record DisclosureReport(String periodId, String platformId, String modelId, String modelVersion, boolean detailed,
                               int minGroupEvents, long totalEvents, long totalUnits, List<Dimension> dimensions, List<WorkShare> works) {
    public DisclosureReport {
        dimensions = List.copyOf(dimensions);
        works = List.copyOf(works);
    }
}
