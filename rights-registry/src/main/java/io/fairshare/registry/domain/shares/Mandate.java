package io.fairshare.registry.domain.shares;

import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.scope.Validity;
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

    /**
     * The mandate of {@code mandates} (one party's) that decides the party's society for a use of {@code right} on
     * {@code day} in {@code territory}: one covering the day in that territory, else in WORLD; among several, the
     * latest {@code validFrom}, then the smallest society id. Null if none.
     */
    public static Mandate forUse(Mandate[] mandates, RightType right, Territory territory, LocalDate day) {
        Mandate best = null;
        for (Mandate m : mandates) {
            if (m.right != right || !m.coversDay(day)) {
                continue;
            }
            boolean specific = !territory.isWorld() && m.territory.equals(territory);
            if (!specific && !m.territory.isWorld()) {
                continue;
            }
            if (best == null || m.beats(specific, best, !best.territory.isWorld())) {
                best = m;
            }
        }
        return best;
    }

    private boolean beats(boolean specific, Mandate other, boolean otherSpecific) {
        if (specific != otherSpecific) {
            return specific;
        }
        int byStart = Validity.compareStart(validFrom, other.validFrom);
        if (byStart != 0) {
            return byStart > 0;
        }
        return society.compareTo(other.society) < 0;
    }

    public record Key(PartyId party, RightType right, Territory territory, LocalDate validFrom) {
        public Key {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(territory, "territory");
        }
    }
}
