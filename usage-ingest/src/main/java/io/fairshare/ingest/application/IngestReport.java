package io.fairshare.ingest.application;

import io.fairshare.ingest.domain.EventResult;
import java.util.List;

/** What one request achieved, event by event, in submission order. */
public record IngestReport(String platformId, int received, int accepted, int duplicate, int rejected, int conflict,
                           List<EventResult> results) {
}
