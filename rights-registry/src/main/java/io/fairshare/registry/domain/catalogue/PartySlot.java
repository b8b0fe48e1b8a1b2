package io.fairshare.registry.domain.catalogue;

import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.shares.Mandate;

/**
 * Everything the {@link CatalogueIndex} knows of one party id: the party itself and its mandates and reservations.
 * Only the index writes it; {@link CurrentShares} reads it.
 */
final class PartySlot {
    static final PartySlot[] NO_PARTIES = new PartySlot[0];
    static final Mandate[] NO_MANDATES = new Mandate[0];
    static final Reservation[] NO_RESERVATIONS = new Reservation[0];

    final PartyId id;
    volatile Party party;
    volatile Mandate[] mandates = NO_MANDATES;
    volatile Reservation[] reservations = NO_RESERVATIONS;

    PartySlot(PartyId id) {
        this.id = id;
    }
}
