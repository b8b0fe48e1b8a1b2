package io.fairshare.registry.domain.shares;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.scope.Validity;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One party's fraction of a work's remuneration for one right type in one territory over a date range.
 *
 * @param work        the work's key
 * @param basisPoints 1..10000 (10000 = 100%)
 * @param validFrom   first day it applies, inclusive; null = since always
 * @param validTo     last day it applies, <b>inclusive</b>; null = open-ended
 */
public record Share(WorkId work, PartyId party, RightType right, Territory territory, int basisPoints,
                    LocalDate validFrom, LocalDate validTo) {
    public Share {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(territory, "territory");
        if (basisPoints < 1 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points must be 1..10000, was " + basisPoints);
        }
        String p = Validity.problem(validFrom, validTo);
        if (p != null) {
            throw new IllegalArgumentException(p);
        }
    }

    /** The natural key: at most one share per (work, party, right, territory, validFrom). */
    public Key key() {
        return new Key(work, party, right, territory, validFrom);
    }

    public boolean coversDay(LocalDate day) {
        return Validity.covers(validFrom, validTo, day);
    }

    public record Key(WorkId work, PartyId party, RightType right, Territory territory, LocalDate validFrom) {
        public Key {
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(territory, "territory");
        }
    }
}
