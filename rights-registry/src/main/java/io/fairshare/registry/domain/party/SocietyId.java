package io.fairshare.registry.domain.party;

import java.util.Objects;

/**
 * A collective management organisation's id (e.g. "KOMCA", or "cisac:118" for a CISAC society code read from CWR).
 * {@link #STATUTORY} stands for the statutory remuneration scheme: the licensor that counts for parties paid
 * directly, without a society.
 */
public record SocietyId(String value) implements Comparable<SocietyId> {
    public static final SocietyId STATUTORY = new SocietyId("STATUTORY");

    public SocietyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("society id must not be blank");
        }
    }

    @Override
    public int compareTo(SocietyId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
