package io.fairshare.registry.domain.shares;

import io.fairshare.registry.domain.catalogue.PartyId;
import io.fairshare.registry.domain.catalogue.SocietyId;
import io.fairshare.registry.domain.catalogue.Territory;
import io.fairshare.registry.domain.catalogue.Validity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A party has assigned collection of one right type in one territory to a society over a date range (both ends
 * inclusive, null = unbounded). Money for that party then goes to the society.
 */
public record Mandate(PartyId party, SocietyId society, RightType right, Territory territory,
                      LocalDate validFrom, LocalDate validTo) {
    public Mandate {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(society, "society");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(territory, "territory");
        String p = Validity.problem(validFrom, validTo);
        if (p != null) {
            throw new IllegalArgumentException(p);
        }
    }

    /** The natural key: one society per (party, right, territory, validFrom). */
    public Key key() {
        return new Key(party, right, territory, validFrom);
    }

    public boolean coversDay(LocalDate day) {
        return Validity.covers(validFrom, validTo, day);
    }

    public record Key(PartyId party, RightType right, Territory territory, LocalDate validFrom) {
        public Key {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(territory, "territory");
        }
    }
}
