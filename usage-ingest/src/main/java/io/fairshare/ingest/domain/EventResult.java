package io.fairshare.ingest.domain;

import io.fairshare.contracts.errors.FieldError;

import java.util.List;

/** The answer for one event of a batch, in the order submitted. */
public record EventResult(int index, String eventId, EventStatus status, List<FieldError> errors) {
    public static EventResult accepted(int index, String eventId) {
        return new EventResult(index, eventId, EventStatus.ACCEPTED, List.of());
    }

    public static EventResult duplicate(int index, String eventId) {
        return new EventResult(index, eventId, EventStatus.DUPLICATE, List.of());
    }

    /** The id was used before for another event: one error per differing field ({@code EVENT_ID_REUSED}). */
    public static EventResult conflict(int index, String eventId, List<String> fields) {
        List<FieldError> errors = fields.stream().map(f -> new FieldError(f.equals("*") ? "" : f, "EVENT_ID_REUSED",
                "event id " + eventId + " was submitted before with another " + (f.equals("*") ? "content" : f)
                        + "; the first submission stands: send a correction under a new event id")).toList();
        return new EventResult(index, eventId, EventStatus.CONFLICT, errors);
    }

    public static EventResult rejected(int index, String eventId, List<FieldError> errors) {
        return new EventResult(index, eventId, EventStatus.REJECTED, errors);
    }
}
