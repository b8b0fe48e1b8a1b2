package io.fairshare.ingest.domain;

import java.util.Objects;

/**
 * What a client sent for one field of an event, before any check: nothing (the field is absent or
 * JSON {@code null}), a value of the expected kind ({@link Got}), or a value of another kind
 * ({@link Other}), kept only as far as error messages and comparisons need it. The edge builds these
 * from the request body; the domain never sees the wire format.
 *
 * @param <T> the kind expected: {@code String}; {@code Number} (a {@link java.math.BigInteger} for a
 *            whole JSON number, a {@link java.math.BigDecimal} for one with a fraction or exponent);
 *            or an input record for a JSON object
 */
public sealed interface Sent<T> {
    /** The JSON kinds of a value. */
    enum Kind { STRING, WHOLE, DECIMAL, BOOLEAN, OBJECT, ARRAY }

    /** The field is absent or JSON null. */
    record Missing<T>() implements Sent<T> {
    }

    /** A value of the expected kind. */
    record Got<T>(T value) implements Sent<T> {
        public Got {
            Objects.requireNonNull(value);
        }
    }

    /**
     * A value of another kind. {@code text} is the string itself, the number or boolean as written,
     * and for objects and arrays a canonical rendering, so that two values compare equal exactly when
     * the JSON values are equal.
     */
    record Other<T>(Kind kind, String text) implements Sent<T> {
    }

    @SuppressWarnings("unchecked")
    static <T> Sent<T> missing() {
        return (Sent<T>) MISSING;
    }

    Sent<?> MISSING = new Missing<>();

    static <T> Sent<T> got(T value) {
        return new Got<>(value);
    }

    static <T> Sent<T> other(Kind kind, String text) {
        return new Other<>(kind, text);
    }

    default boolean isMissing() {
        return this instanceof Missing;
    }

    /** The value when of the expected kind, else null. */
    default T value() {
        return this instanceof Got<T> g ? g.value() : null;
    }

    /** As error messages show it: a string quoted (cut at 40 characters), a number as written, or its kind. */
    default String describe() {
        if (this instanceof Got<T> g) {
            return g.value() instanceof String s ? describe(s) : g.value() instanceof Number ? g.value().toString()
                    : "an object";
        }
        if (this instanceof Other<T> o) {
            return switch (o.kind()) {
                case STRING -> describe(o.text());
                case WHOLE, DECIMAL -> o.text();
                case BOOLEAN -> "a boolean";
                case OBJECT -> "an object";
                case ARRAY -> "an array";
            };
        }
        return "null";
    }

    static String describe(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "\"" + cut + "\"";
    }
}
