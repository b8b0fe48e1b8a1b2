package io.fairshare.registry.domain.licence;

import java.util.Objects;

/** An AI platform (operator) that reports usage and holds licences. */
public record PlatformId(String value) {
    public PlatformId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("platform id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
