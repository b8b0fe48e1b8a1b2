package io.fairshare.registry.domain.optout;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.party.PartyId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An opt-out against AI training, on a whole work or on everything a party holds, effective on and after
 * {@code effectiveFrom} (null = always). Usage of a reserved work or party is a violation, not a normal line.
 */
public record Reservation(Target target, ReservationSource source, LocalDate effectiveFrom) {
    public Reservation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
    }

    /** The natural key: one reservation per (target, source). */
    public Key key() {
        return new Key(target, source);
    }

    /** Whether the reservation is in force on {@code day}. */
    public boolean effectiveOn(LocalDate day) {
        return effectiveFrom == null || !day.isBefore(effectiveFrom);
    }

    /** The reservation of {@code reservations} (one target's) in force on {@code day}, the first source in {@link ReservationSource} order among several; null if none. */
    public static Reservation inForceOn(Reservation[] reservations, LocalDate day) {
        Reservation found = null;
        for (Reservation r : reservations) {
            if (r.effectiveOn(day) && (found == null || r.source.ordinal() < found.source.ordinal())) {
                found = r;
            }
        }
        return found;
    }

    public record Key(Target target, ReservationSource source) {
        public Key {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(source, "source");
        }
    }

    /** What is reserved: a work (by its key) or a party. */
    public sealed interface Target permits OnWork, OnParty {
    }

    public record OnWork(WorkId work) implements Target {
        public OnWork {
            Objects.requireNonNull(work, "work");
        }
    }

    public record OnParty(PartyId party) implements Target {
        public OnParty {
            Objects.requireNonNull(party, "party");
        }
    }
}
