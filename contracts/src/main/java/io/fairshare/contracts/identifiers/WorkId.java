package io.fairshare.contracts.identifiers;

import java.util.Objects;

/** A normalised work identifier: the canonical form of {@code value} in {@code scheme}. */
public record WorkId(IdScheme scheme, String value) {
    public WorkId {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
    }

    /** "iswc:T0345246801": the form used as a lookup key and in logs. */
    public String key() {
        return scheme.wireName() + ":" + value;
    }
}
