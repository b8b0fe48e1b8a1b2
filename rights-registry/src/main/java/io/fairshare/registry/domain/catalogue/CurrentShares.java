package io.fairshare.registry.domain.catalogue;

import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import java.time.LocalDate;

/**
 * The answer of {@link CatalogueIndex#currentShares}: the shares of one work that apply on one day in one territory,
 * added up per party and sorted by party id, with what the resolution asks next of each party (its mandate, its
 * reservation) and of the work (its reservation). Read straight from the index's state of the work at the time of
 * the query: nothing is copied but the per-party sums.
 */
public final class CurrentShares {
    private final RightType right;
    private final Territory territory;
    private final PartySlot[] parties;
    private final int[] basisPoints;
    private final int size;
    private final Reservation[] workReservations;

    CurrentShares(RightType right, Territory territory, PartySlot[] parties, int[] basisPoints, int size,
                  Reservation[] workReservations) {
        this.right = right;
        this.territory = territory;
        this.parties = parties;
        this.basisPoints = basisPoints;
        this.size = size;
        this.workReservations = workReservations;
    }

    /** The right type the shares are of; null when no share applies. */
    public RightType right() {
        return right;
    }

    /** The territory the shares name (the event's, or WORLD); null when no share applies. */
    public Territory territory() {
        return territory;
    }

    /** How many parties hold a share. */
    public int size() {
        return size;
    }

    /** The {@code i}th party, in party-id order. */
    public PartyId party(int i) {
        return parties[check(i)].id;
    }

    /** The basis points the {@code i}th party's shares add up to (more than 10000 in all when over-claimed). */
    public int basisPoints(int i) {
        return basisPoints[check(i)];
    }

    /** The {@code i}th party's mandate for a use of {@code right} on {@code day} in {@code territory} ({@link Mandate#forUse}); null if none. */
    public Mandate mandate(int i, RightType right, Territory territory, LocalDate day) {
        return Mandate.forUse(parties[check(i)].mandates, right, territory, day);
    }

    /** The reservation on the {@code i}th party in force on {@code day}; null if none. */
    public Reservation partyReservationOn(int i, LocalDate day) {
        return Reservation.inForceOn(parties[check(i)].reservations, day);
    }

    /** The reservation on the work in force on {@code day}; null if none. */
    public Reservation workReservationOn(LocalDate day) {
        return Reservation.inForceOn(workReservations, day);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
