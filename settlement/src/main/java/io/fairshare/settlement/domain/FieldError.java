package io.fairshare.settlement.domain;

/**
 * One problem with submitted configuration: the field's path (e.g. {@code unitRates[2].per}), a
 * stable machine code and a sentence an operator can act on.
 */
public record FieldError(String field, String code, String message) {
}
