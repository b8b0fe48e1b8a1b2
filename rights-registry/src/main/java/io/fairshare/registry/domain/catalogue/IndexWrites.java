package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.Share;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue changes, applied to an {@link IndexState}: each method upserts or deletes one entity and answers
 * whether the state changed. Not thread-safe: only {@link CatalogueIndex#apply}, which is synchronized, calls it.
 * Each write swaps whole immutable values (a {@link WorkEntry} in the identifier map, a party's arrays behind
 * their volatile references), so readers never see half a change.
 */
final class IndexWrites {
    private final IndexState state;

    IndexWrites(IndexState state) {
        this.state = state;
    }

    private PartySlot partySlot(PartyId id) {
        return state.parties.computeIfAbsent(id, PartySlot::new);
    }

    boolean upsertParty(Party party) {
        PartySlot slot = partySlot(party.id());
        Party old = slot.party;
        if (party.equals(old)) {
            return false;
        }
        slot.party = party.id() == slot.id ? party : new Party(slot.id, party.name(), party.isni(), party.ipi());
        if (old == null) {
            state.partyCount++;
        }
        return true;
    }

    boolean deleteParty(PartyId id) {
        PartySlot slot = state.parties.get(id);
        if (slot == null || slot.party == null) {
            return false;
        }
        slot.party = null;
        state.partyCount--;
        return true;
    }

    boolean upsertSociety(Society society) {
        return !society.equals(state.societies.put(society.id(), society));
    }

    boolean deleteSociety(SocietyId id) {
        return state.societies.remove(id) != null;
    }

    boolean upsertWork(Work work) {
        WorkEntry old = state.entryByKey(work.key());
        if (old != null && work.equals(old.work)) {
            return false;
        }
        WorkId key = old != null ? old.key : work.key();
        Work stored = old != null && old.key != work.key()
                ? new Work(old.key, reuseKey(work.identifiers(), old.key), work.title(), work.category(), work.alternateTitles())
                : work;
        replace(old, old == null ? new WorkEntry(key, stored, PartySlot.NO_PARTIES, WorkEntry.NO_DATA, PartySlot.NO_RESERVATIONS)
                : new WorkEntry(key, stored, old.shareParties, old.shareData, old.reservations));
        if (old == null || old.work == null) {
            state.workCount++;
        }
        return true;
    }

    private static List<WorkId> reuseKey(List<WorkId> ids, WorkId key) {
        List<WorkId> out = new ArrayList<>(ids.size());
        for (WorkId id : ids) {
            out.add(id.equals(key) ? key : id);
        }
        return out;
    }

    boolean deleteWork(WorkId key) {
        WorkEntry old = state.entryByKey(key);
        if (old == null || old.work == null) {
            return false;
        }
        replace(old, new WorkEntry(old.key, null, old.shareParties, old.shareData, old.reservations));
        state.workCount--;
        return true;
    }

    boolean upsertShare(Share share) {
        WorkEntry old = state.entryByKey(share.work());
        int meta = WorkEntry.meta(share);
        int first = WorkEntry.firstDay(share.validFrom());
        int last = WorkEntry.lastDay(share.validTo());
        PartySlot[] parties = old == null ? PartySlot.NO_PARTIES : old.shareParties;
        int[] data = old == null ? WorkEntry.NO_DATA : old.shareData;
        int at = old == null ? -1 : old.indexOf(share.party(), meta & ~WorkEntry.BP_MASK, first);
        PartySlot[] nextParties;
        int[] nextData;
        if (at >= 0) {
            if (data[3 * at] == meta && data[3 * at + 2] == last) {
                return false;
            }
            nextParties = parties;
            nextData = data.clone();
        } else {
            at = parties.length;
            nextParties = Arrays.copyOf(parties, at + 1);
            nextParties[at] = partySlot(share.party());
            nextData = Arrays.copyOf(data, 3 * (at + 1));
            state.shareCount++;
        }
        nextData[3 * at] = meta;
        nextData[3 * at + 1] = first;
        nextData[3 * at + 2] = last;
        replace(old, old == null ? new WorkEntry(share.work(), null, nextParties, nextData, PartySlot.NO_RESERVATIONS)
                : new WorkEntry(old.key, old.work, nextParties, nextData, old.reservations));
        return true;
    }

    boolean deleteShare(Share.Key key) {
        WorkEntry old = state.entryByKey(key.work());
        if (old == null) {
            return false;
        }
        int rightAndTerritory = key.right().ordinal() << WorkEntry.RIGHT_SHIFT
                | key.territory().index() << WorkEntry.TERRITORY_SHIFT;
        int at = old.indexOf(key.party(), rightAndTerritory, WorkEntry.firstDay(key.validFrom()));
        if (at < 0) {
            return false;
        }
        int n = old.shareParties.length - 1;
        PartySlot[] nextParties = n == 0 ? PartySlot.NO_PARTIES : new PartySlot[n];
        int[] nextData = n == 0 ? WorkEntry.NO_DATA : new int[3 * n];
        System.arraycopy(old.shareParties, 0, nextParties, 0, at);
        System.arraycopy(old.shareParties, at + 1, nextParties, at, n - at);
        System.arraycopy(old.shareData, 0, nextData, 0, 3 * at);
        System.arraycopy(old.shareData, 3 * (at + 1), nextData, 3 * at, 3 * (n - at));
        state.shareCount--;
        replace(old, new WorkEntry(old.key, old.work, nextParties, nextData, old.reservations));
        return true;
    }

    boolean upsertReservation(Reservation reservation) {
        Reservation r = new Reservation(reservation.target(), reservation.source(), intern(reservation.effectiveFrom()));
        if (r.target() instanceof Reservation.OnParty p) {
            PartySlot slot = partySlot(p.party());
            Reservation[] current = slot.reservations;
            Reservation[] next = KeyedArrays.upserted(current, r, Reservation::key);
            if (next == null) {
                return false;
            }
            if (next.length > current.length) {
                state.reservationCount++;
            }
            slot.reservations = next;
            return true;
        }
        WorkId work = ((Reservation.OnWork) r.target()).work();
        WorkEntry old = state.entryByKey(work);
        if (old != null && old.key != work) {
            r = new Reservation(new Reservation.OnWork(old.key), r.source(), r.effectiveFrom());
        }
        Reservation[] current = old == null ? PartySlot.NO_RESERVATIONS : old.reservations;
        Reservation[] next = KeyedArrays.upserted(current, r, Reservation::key);
        if (next == null) {
            return false;
        }
        if (next.length > current.length) {
            state.reservationCount++;
        }
        replace(old, old == null ? new WorkEntry(work, null, PartySlot.NO_PARTIES, WorkEntry.NO_DATA, next)
                : new WorkEntry(old.key, old.work, old.shareParties, old.shareData, next));
        return true;
    }

    boolean deleteReservation(Reservation.Key key) {
        if (key.target() instanceof Reservation.OnParty p) {
            PartySlot slot = state.parties.get(p.party());
            Reservation[] next = slot == null ? null
                    : KeyedArrays.without(slot.reservations, r -> r.key().equals(key), Reservation[]::new);
            if (next == null) {
                return false;
            }
            state.reservationCount--;
            slot.reservations = next.length == 0 ? PartySlot.NO_RESERVATIONS : next;
            return true;
        }
        WorkEntry old = state.entryByKey(((Reservation.OnWork) key.target()).work());
        if (old == null) {
            return false;
        }
        Reservation[] next = KeyedArrays.without(old.reservations, r -> r.key().equals(key), Reservation[]::new);
        if (next == null) {
            return false;
        }
        state.reservationCount--;
        replace(old, new WorkEntry(old.key, old.work, old.shareParties, old.shareData,
                next.length == 0 ? PartySlot.NO_RESERVATIONS : next));
        return true;
    }

    boolean upsertMandate(Mandate mandate) {
        PartySlot slot = partySlot(mandate.party());
        Mandate m = new Mandate(slot.id, mandate.society(), mandate.right(), mandate.territory().canonical(),
                intern(mandate.validFrom()), intern(mandate.validTo()));
        Mandate[] current = slot.mandates;
        Mandate[] next = KeyedArrays.upserted(current, m, Mandate::key);
        if (next == null) {
            return false;
        }
        if (next.length > current.length) {
            state.mandateCount++;
        }
        slot.mandates = next;
        return true;
    }

    boolean deleteMandate(Mandate.Key key) {
        PartySlot slot = state.parties.get(key.party());
        Mandate[] next = slot == null ? null : KeyedArrays.without(slot.mandates, m -> m.key().equals(key), Mandate[]::new);
        if (next == null) {
            return false;
        }
        state.mandateCount--;
        slot.mandates = next.length == 0 ? PartySlot.NO_MANDATES : next;
        return true;
    }

    boolean upsertLicence(Licence licence) {
        Licence l = new Licence(licence.platform(), licence.licensor(), intern(licence.validFrom()),
                intern(licence.validTo()), licence.tariff());
        ConcurrentHashMap<SocietyId, Licence[]> byLicensor =
                state.licences.computeIfAbsent(l.platform(), p -> new ConcurrentHashMap<>());
        Licence[] current = byLicensor.getOrDefault(l.licensor(), new Licence[0]);
        Licence[] next = KeyedArrays.upserted(current, l, Licence::key);
        if (next == null) {
            return false;
        }
        if (next.length > current.length) {
            state.licenceCount++;
        }
        byLicensor.put(l.licensor(), next);
        return true;
    }

    boolean deleteLicence(Licence.Key key) {
        ConcurrentHashMap<SocietyId, Licence[]> byLicensor = state.licences.get(key.platform());
        Licence[] current = byLicensor == null ? null : byLicensor.get(key.licensor());
        Licence[] next = current == null ? null : KeyedArrays.without(current, l -> l.key().equals(key), Licence[]::new);
        if (next == null) {
            return false;
        }
        state.licenceCount--;
        if (next.length == 0) {
            byLicensor.remove(key.licensor());
        } else {
            byLicensor.put(key.licensor(), next);
        }
        return true;
    }

    /** Swaps {@code old} for {@code neu} under every identifier either is indexed by. */
    private void replace(WorkEntry old, WorkEntry neu) {
        boolean drop = neu.isEmpty();
        List<WorkId> newIds = drop ? List.of() : neu.indexedUnder();
        if (old != null) {
            Set<WorkId> keep = new HashSet<>(newIds);
            for (WorkId id : old.indexedUnder()) {
                if (!keep.contains(id)) {
                    state.byIdentifier.computeIfPresent(id, (k, slot) -> IdentifierSlots.removeFromSlot(slot, old.key));
                }
            }
        }
        for (WorkId id : newIds) {
            state.byIdentifier.compute(id, (k, slot) -> IdentifierSlots.putInSlot(slot, neu));
        }
    }

    private LocalDate intern(LocalDate d) {
        if (d == null) {
            return null;
        }
        LocalDate seen = state.dates.putIfAbsent(d, d);
        return seen != null ? seen : d;
    }
}
