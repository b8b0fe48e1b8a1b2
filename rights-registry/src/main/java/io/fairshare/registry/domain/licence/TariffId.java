package io.fairshare.registry.domain.licence;

import java.util.Objects;

/** The tariff settlement applies to a licensed line (defined by settlement; the registry only carries the id). */
public record TariffId(String value) {
    public TariffId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("tariff id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
