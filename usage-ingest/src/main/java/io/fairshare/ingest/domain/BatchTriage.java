package io.fairshare.ingest.domain;

import io.fairshare.contracts.errors.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts a validated batch into events to store and events answered at once. An event id repeated
 * within one batch is refused from its second occurrence on ({@code EVENT_ID_REPEATED_IN_BATCH}): the
 * platform sent two different things under one id, or the same thing twice, and either way only the
 * first is taken.
 */
public final class BatchTriage {
    private BatchTriage() {
    }

    /** Events to store, with their position in the batch. */
    public record Candidate(int index, UsageEvent event) {
    }

    public record Result(List<Candidate> candidates, Map<Integer, EventResult> answered) {
    }

    public static Result triage(List<Validated> batch) {
        List<Candidate> candidates = new ArrayList<>(batch.size());
        Map<Integer, EventResult> answered = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            Validated v = batch.get(i);
            if (!v.isValid()) {
                answered.put(i, EventResult.rejected(i, v.eventId(), v.errors()));
                continue;
            }
            Integer first = firstSeen.putIfAbsent(v.eventId(), i);
            if (first != null) {
                answered.put(i, EventResult.rejected(i, v.eventId(), List.of(new FieldError("eventId",
                        "EVENT_ID_REPEATED_IN_BATCH", "event id " + v.eventId() + " already appears at index " + first + " of this batch"))));
                continue;
            }
            candidates.add(new Candidate(i, v.event()));
        }
        return new Result(candidates, answered);
    }
}
