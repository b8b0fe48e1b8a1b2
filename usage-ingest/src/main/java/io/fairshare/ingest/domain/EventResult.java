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

    public static EventResult rejected(int index, String eventId, List<FieldError> errors) {
        return new EventResult(index, eventId, EventStatus.REJECTED, errors);
    }
}
