package io.fairshare.registry.domain.party;

import java.util.Objects;

/** A collective management organisation. */
public record Society(SocietyId id, String name) {
    public Society {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
