package io.fairshare.ingest.domain;

import io.fairshare.contracts.errors.FieldError;

import java.util.List;

/**
 * The result of validating one submitted event: either {@code event} or a non-empty list of
 * {@code errors}. {@code eventId} is whatever id could be read, for the response, even when invalid.
 */
public record Validated(String eventId, UsageEvent event, List<FieldError> errors) {
    public static Validated valid(UsageEvent event) {
        return new Validated(event.eventId(), event, List.of());
    }

    public static Validated invalid(String eventId, List<FieldError> errors) {
        return new Validated(eventId, null, List.copyOf(errors));
    }

    public boolean isValid() {
        return event != null;
    }
}
