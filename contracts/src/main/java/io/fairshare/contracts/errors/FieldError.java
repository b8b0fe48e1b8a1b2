package io.fairshare.contracts.errors;

/**
 * One reason an event was refused: the field's path within the event (e.g.
 * {@code work.identifiers[0].value}), a stable machine code and a sentence a platform engineer can act on.
 */
public record FieldError(String field, String code, String message) {
}
