package io.fairshare.registry.domain.party;

import java.util.Objects;

/**
 * A rights holder's id. Importers derive it as {@code ipi:<11 digits>} when an IPI name number is known, else
 * {@code isni:<16 characters>}, else {@code ref:<source>:<the source's own reference>}.
 */
public record PartyId(String value) implements Comparable<PartyId> {
    public PartyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("party id must not be blank");
        }
    }

    @Override
    public int compareTo(PartyId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
