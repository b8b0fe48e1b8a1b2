package io.fairshare.registry.domain.party;

import java.util.Objects;

/**
 * A rights holder (person or company).
 *
 * @param isni canonical ISNI (16 characters) or null
 * @param ipi  canonical IPI name number (11 digits) or null
 */
public record Party(PartyId id, String name, String isni, String ipi) {
    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
