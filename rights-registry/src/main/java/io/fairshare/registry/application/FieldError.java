package io.fairshare.registry.application;

/** One problem with one field of a request: the JSON path, a stable code and a sentence to act on. */
public record FieldError(String field, String code, String message) {
}
