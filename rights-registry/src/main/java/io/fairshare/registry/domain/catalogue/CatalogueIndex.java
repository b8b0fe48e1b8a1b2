package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The in-memory catalogue the resolver reads: works by each of their identifiers, shares and work-level
 * reservations by work, mandates and party-level reservations by party, licences by (platform, licensor).
 *
 * <p><b>Concurrency.</b> Any number of threads may read while one thread at a time writes ({@link #apply} is
 * synchronized). Everything a reader sees is immutable or swapped as a whole: the state of one work (its
 * {@link Work}, shares and reservations) is one immutable entry that a write replaces in a
 * {@link ConcurrentHashMap}; a party's mandates and reservations are immutable arrays behind volatile references.
 * A reader therefore sees each entity either entirely before or entirely after a change, never half of it. A
 * resolution that reads several entities (work, mandates, licences) may see a change to one of them and not yet to
 * another.
 *
 * <p><b>Memory.</b> Shares are stored packed: per share one reference to the party's slot and three ints (basis
 * points, right type and territory in one; first and last day as epoch days), about 16 bytes instead of a 40-byte
 * record; they are turned back into {@link Share} records only by the read methods. Dates, territories and party
 * ids are shared instances. Measured with the throughput harness ({@code ResolutionThroughputHarness}): 457 MB for
 * 1,000,000 works with 3.2 shares each and their 333,333 parties and 233,283 mandates, about 480 bytes per work.
 * A party's slot, once created, stays (a few dozen bytes).
 *
 * <p><b>Identifiers</b> must be in canonical form ({@code Identifiers.normalize}); importers and adapters normalise
 * them before emitting changes. Lookups are by {@link WorkId} (scheme + canonical value), equivalent to
 * {@link WorkId#key()}. When several works carry the same identifier, all of them are kept under it; see
 * {@link #workNamedBy} for which one an identifier names.
 */
public final class CatalogueIndex {
    private static final PartySlot[] NO_PARTIES = new PartySlot[0];
    private static final int[] NO_DATA = new int[0];
    private static final int WORLD = Territory.WORLD.index();

    /** Value: a {@link WorkEntry} or, when several works carry the identifier, a {@code WorkEntry[]} sorted by key. */
    private final ConcurrentHashMap<WorkId, Object> byIdentifier = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PartyId, PartySlot> parties = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SocietyId, Society> societies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PlatformId, ConcurrentHashMap<SocietyId, Licence[]>> licences = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LocalDate, LocalDate> dates = new ConcurrentHashMap<>();

    private volatile int workCount;
    private volatile int partyCount;
    private volatile int shareCount;
    private volatile int mandateCount;
    private volatile int reservationCount;
    private volatile int licenceCount;

    /** An empty index. */
    public CatalogueIndex() {
    }

    /** An index holding {@code snapshot}. */
    public static CatalogueIndex of(CatalogueSnapshot snapshot) {
        CatalogueIndex index = new CatalogueIndex();
        index.applyAll(snapshot.asChanges());
        return index;
    }

    /**
     * Applies one change. Idempotent: an upsert equal to the stored value, or a delete of an absent key, changes
     * nothing and returns false.
     *
     * @return whether the catalogue changed
     */
    public synchronized boolean apply(CatalogueChange change) {
        Objects.requireNonNull(change, "change");
        if (change instanceof CatalogueChange.UpsertWork c) {
            return upsertWork(c.work());
        } else if (change instanceof CatalogueChange.DeleteWork c) {
            return deleteWork(c.key());
        } else if (change instanceof CatalogueChange.UpsertShare c) {
            return upsertShare(c.share());
        } else if (change instanceof CatalogueChange.DeleteShare c) {
            return deleteShare(c.key());
        } else if (change instanceof CatalogueChange.UpsertParty c) {
            return upsertParty(c.party());
        } else if (change instanceof CatalogueChange.DeleteParty c) {
            return deleteParty(c.id());
        } else if (change instanceof CatalogueChange.UpsertSociety c) {
            return !c.society().equals(societies.put(c.society().id(), c.society()));
        } else if (change instanceof CatalogueChange.DeleteSociety c) {
            return societies.remove(c.id()) != null;
        } else if (change instanceof CatalogueChange.UpsertMandate c) {
            return upsertMandate(c.mandate());
        } else if (change instanceof CatalogueChange.DeleteMandate c) {
            return deleteMandate(c.key());
        } else if (change instanceof CatalogueChange.UpsertReservation c) {
            return upsertReservation(c.reservation());
        } else if (change instanceof CatalogueChange.DeleteReservation c) {
            return deleteReservation(c.key());
        } else if (change instanceof CatalogueChange.UpsertLicence c) {
            return upsertLicence(c.licence());
        } else if (change instanceof CatalogueChange.DeleteLicence c) {
            return deleteLicence(c.key());
        }
        throw new IllegalArgumentException("unknown change " + change.getClass().getName());
    }

    /** Applies changes in order. @return how many of them changed the catalogue */
    public int applyAll(Iterable<? extends CatalogueChange> changes) {
        int changed = 0;
        for (CatalogueChange c : changes) {
            if (apply(c)) {
                changed++;
            }
        }
        return changed;
    }

    // ---------------------------------------------------------------- reads

    /** The work whose key is {@code key}. */
    public Optional<Work> work(WorkId key) {
        WorkEntry e = entryByKey(key);
        return e == null ? Optional.empty() : Optional.ofNullable(e.work);
    }

    /** Every work carrying {@code identifier} (canonical form), sorted by key. */
    public List<Work> worksWithIdentifier(WorkId identifier) {
        List<Work> out = new ArrayList<>(1);
        for (WorkEntry e : IdentifierSlots.entries(byIdentifier.get(identifier))) {
            if (e.work != null && e.work.identifiers().contains(identifier)) {
                out.add(e.work);
            }
        }
        return out;
    }

    /** The shares stored for the work {@code key} (in any state of validity), in the order they were added. */
    public List<Share> shares(WorkId key) {
        WorkEntry e = entryByKey(key);
        return e == null ? List.of() : e.shares();
    }

    /** The reservations on the work {@code key}. */
    public List<Reservation> reservations(WorkId key) {
        WorkEntry e = entryByKey(key);
        return e == null ? List.of() : List.of(e.reservations);
    }

    /** The reservations on the party {@code party}. */
    public List<Reservation> reservations(PartyId party) {
        PartySlot slot = parties.get(party);
        return slot == null ? List.of() : List.of(slot.reservations);
    }

    public List<Mandate> mandates(PartyId party) {
        PartySlot slot = parties.get(party);
        return slot == null ? List.of() : List.of(slot.mandates);
    }

    public List<Licence> licences(PlatformId platform, SocietyId licensor) {
        ConcurrentHashMap<SocietyId, Licence[]> byLicensor = licences.get(platform);
        Licence[] l = byLicensor == null ? null : byLicensor.get(licensor);
        return l == null ? List.of() : List.of(l);
    }

    public Optional<Party> party(PartyId id) {
        PartySlot slot = parties.get(id);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.party);
    }

    public Optional<Society> society(SocietyId id) {
        return Optional.ofNullable(societies.get(id));
    }

    /** Entity counts. */
    public Stats stats() {
        return new Stats(workCount, partyCount, shareCount, societies.size(), mandateCount, reservationCount,
                licenceCount);
    }

    public record Stats(int works, int parties, int shares, int societies, int mandates, int reservations, int licences) {
    }

    /** Every entity, each list sorted by its natural key; equal catalogues give equal snapshots. */
    public CatalogueSnapshot snapshot() {
        List<Work> works = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        List<Reservation> reservations = new ArrayList<>();
        byIdentifier.forEach((id, slot) -> {
            for (WorkEntry e : IdentifierSlots.entries(slot)) {
                if (e.key.equals(id)) {
                    if (e.work != null) {
                        works.add(e.work);
                    }
                    shares.addAll(e.shares());
                    reservations.addAll(Arrays.asList(e.reservations));
                }
            }
        });
        List<Party> ps = new ArrayList<>();
        List<Mandate> ms = new ArrayList<>();
        for (PartySlot slot : parties.values()) {
            Party p = slot.party;
            if (p != null) {
                ps.add(p);
            }
            ms.addAll(Arrays.asList(slot.mandates));
            reservations.addAll(Arrays.asList(slot.reservations));
        }
        List<Licence> ls = new ArrayList<>();
        licences.values().forEach(byLicensor -> byLicensor.values().forEach(l -> ls.addAll(Arrays.asList(l))));
        return new CatalogueSnapshot(
                sorted(works, w -> "work|" + w.key().key()),
                sorted(ps, p -> p.id().value()),
                sorted(shares, s -> CatalogueChange.keyOf(s.key())),
                sorted(new ArrayList<>(societies.values()), s -> s.id().value()),
                sorted(ms, m -> CatalogueChange.keyOf(m.key())),
                sorted(reservations, r -> CatalogueChange.keyOf(r.key())),
                sorted(ls, l -> CatalogueChange.keyOf(l.key())));
    }

    private static <T> List<T> sorted(List<T> list, Function<T, String> key) {
        list.sort(Comparator.comparing(key));
        return list;
    }

    // ------------------------------------------- resolution's queries (the hot path: they copy no stored array)

    /**
     * The work {@code identifier} (canonical form) names: the work keyed by it, else, of the works carrying it, the
     * one with the smallest key; null if no work carries it. The entry is the work's state as of now, to ask
     * {@link #currentShares} about.
     */
    public WorkEntry workNamedBy(WorkId identifier) {
        Object slot = byIdentifier.get(identifier);
        if (slot instanceof WorkEntry e) {
            return e.work != null ? e : null;
        }
        if (slot == null) {
            return null;
        }
        WorkEntry first = null;
        for (WorkEntry e : (WorkEntry[]) slot) {
            if (e.work == null) {
                continue;
            }
            if (e.key.equals(identifier)) {
                return e;
            }
            if (first == null) {
                first = e;
            }
        }
        return first;
    }

    /** Whether anything is kept under {@code identifier}: a work, or the shares or reservations of a key without its work yet. */
    public boolean holds(WorkId identifier) {
        return byIdentifier.containsKey(identifier);
    }

    /**
     * The keys, sorted, of the works other than the one keyed {@code work} that carry any of {@code identifiers}
     * (null elements skipped); an empty list when there are none.
     */
    public List<WorkId> otherWorksNamedBy(WorkId work, WorkId[] identifiers) {
        List<WorkId> out = null;
        for (WorkId id : identifiers) {
            Object slot = id == null ? null : byIdentifier.get(id);
            if (slot instanceof WorkEntry e) {
                out = addOther(out, e, work);
            } else if (slot != null) {
                for (WorkEntry e : (WorkEntry[]) slot) {
                    out = addOther(out, e, work);
                }
            }
        }
        if (out == null) {
            return List.of();
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    private static List<WorkId> addOther(List<WorkId> out, WorkEntry e, WorkId work) {
        if (e.work == null || e.key.equals(work)) {
            return out;
        }
        if (out == null) {
            out = new ArrayList<>(2);
        }
        if (!out.contains(e.key)) {
            out.add(e.key);
        }
        return out;
    }

    /**
     * The shares of the work (as of {@code entry}) that apply on {@code day} in {@code territory}: those of the first
     * right type of {@code rights} that has a share valid on the day (both ends included) naming the territory or
     * WORLD; of those, the ones naming the territory if there are any, else the WORLD ones (replaced, not merged);
     * added up per party, sorted by party id. No share applying: {@link CurrentShares#right()} is null and the
     * answer holds no party (but still the work's reservations).
     */
    public CurrentShares currentShares(WorkEntry entry, LocalDate day, Territory territory, List<RightType> rights) {
        int dayNumber = (int) day.toEpochDay();
        int eventTerritory = territory.index();
        boolean eventInWorld = eventTerritory == WORLD;
        PartySlot[] shareParties = entry.shareParties;
        int[] data = entry.shareData;
        int shares = shareParties.length;
        RightType right = null;
        int shareTerritory = -1;
        for (int k = 0, nr = rights.size(); k < nr; k++) {
            RightType r = rights.get(k);
            int rightBits = r.ordinal();
            boolean inTerritory = false;
            boolean inWorld = false;
            for (int i = 0; i < shares; i++) {
                int meta = data[3 * i];
                if (((meta >>> WorkEntry.RIGHT_SHIFT) & 7) == rightBits
                        && data[3 * i + 1] <= dayNumber && dayNumber <= data[3 * i + 2]) {
                    int t = meta >>> WorkEntry.TERRITORY_SHIFT;
                    if (!eventInWorld && t == eventTerritory) {
                        inTerritory = true;
                    } else if (t == WORLD) {
                        inWorld = true;
                    }
                }
            }
            if (inTerritory || inWorld) {
                right = r;
                shareTerritory = inTerritory ? eventTerritory : WORLD;
                break;
            }
        }
        if (right == null) {
            return new CurrentShares(null, null, NO_PARTIES, NO_DATA, 0, entry.reservations);
        }
        PartySlot[] parties = new PartySlot[shares];
        int[] claimed = new int[shares];
        int count = 0;
        int wanted = right.ordinal() << WorkEntry.RIGHT_SHIFT | shareTerritory << WorkEntry.TERRITORY_SHIFT;
        for (int i = 0; i < shares; i++) {
            int meta = data[3 * i];
            if ((meta & ~WorkEntry.BP_MASK) == wanted && data[3 * i + 1] <= dayNumber && dayNumber <= data[3 * i + 2]) {
                PartySlot party = shareParties[i];
                int at = indexOf(parties, count, party);
                if (at < 0) {
                    parties[count] = party;
                    claimed[count] = meta & WorkEntry.BP_MASK;
                    count++;
                } else {
                    claimed[at] += meta & WorkEntry.BP_MASK;
                }
            }
        }
        sortByParty(parties, claimed, count);
        return new CurrentShares(right, Territory.byIndex(shareTerritory), parties, claimed, count, entry.reservations);
    }

    /** The licence between {@code platform} and {@code licensor} in force on {@code day} ({@link Licence#inForceOn}); null if none. */
    public Licence licenceOn(PlatformId platform, SocietyId licensor, LocalDate day) {
        ConcurrentHashMap<SocietyId, Licence[]> byLicensor = licences.get(platform);
        Licence[] all = byLicensor == null ? null : byLicensor.get(licensor);
        return all == null ? null : Licence.inForceOn(all, day);
    }

    private static int indexOf(PartySlot[] parties, int count, PartySlot p) {
        for (int i = 0; i < count; i++) {
            if (parties[i] == p) {
                return i;
            }
        }
        return -1;
    }

    private static void sortByParty(PartySlot[] parties, int[] bps, int count) {
        for (int i = 1; i < count; i++) {
            PartySlot p = parties[i];
            int b = bps[i];
            int j = i - 1;
            while (j >= 0 && parties[j].id.compareTo(p.id) > 0) {
                parties[j + 1] = parties[j];
                bps[j + 1] = bps[j];
                j--;
            }
            parties[j + 1] = p;
            bps[j + 1] = b;
        }
    }

    // ---------------------------------------------------------------- writes

    private WorkEntry entryByKey(WorkId key) {
        Object slot = byIdentifier.get(key);
        if (slot instanceof WorkEntry e) {
            return e.key.equals(key) ? e : null;
        }
        if (slot != null) {
            for (WorkEntry e : (WorkEntry[]) slot) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
        }
        return null;
    }

    private PartySlot partySlot(PartyId id) {
        return parties.computeIfAbsent(id, PartySlot::new);
    }

    private boolean upsertParty(Party party) {
        PartySlot slot = partySlot(party.id());
        Party old = slot.party;
        if (party.equals(old)) {
            return false;
        }
        slot.party = party.id() == slot.id ? party : new Party(slot.id, party.name(), party.isni(), party.ipi());
        if (old == null) {
            partyCount++;
        }
        return true;
    }

    private boolean deleteParty(PartyId id) {
        PartySlot slot = parties.get(id);
        if (slot == null || slot.party == null) {
            return false;
        }
        slot.party = null;
        partyCount--;
        return true;
    }

    private boolean upsertWork(Work work) {
        WorkEntry old = entryByKey(work.key());
        if (old != null && work.equals(old.work)) {
            return false;
        }
        WorkId key = old != null ? old.key : work.key();
        Work stored = old != null && old.key != work.key()
                ? new Work(old.key, reuseKey(work.identifiers(), old.key), work.title(), work.category(), work.alternateTitles())
                : work;
        replace(old, old == null ? new WorkEntry(key, stored, NO_PARTIES, NO_DATA, PartySlot.NO_RESERVATIONS)
                : new WorkEntry(key, stored, old.shareParties, old.shareData, old.reservations));
        if (old == null || old.work == null) {
            workCount++;
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

    private boolean deleteWork(WorkId key) {
        WorkEntry old = entryByKey(key);
        if (old == null || old.work == null) {
            return false;
        }
        replace(old, new WorkEntry(old.key, null, old.shareParties, old.shareData, old.reservations));
        workCount--;
        return true;
    }

    private boolean upsertShare(Share share) {
        WorkEntry old = entryByKey(share.work());
        int meta = WorkEntry.meta(share);
        int first = WorkEntry.firstDay(share.validFrom());
        int last = WorkEntry.lastDay(share.validTo());
        PartySlot[] parties = old == null ? NO_PARTIES : old.shareParties;
        int[] data = old == null ? NO_DATA : old.shareData;
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
            shareCount++;
        }
        nextData[3 * at] = meta;
        nextData[3 * at + 1] = first;
        nextData[3 * at + 2] = last;
        replace(old, old == null ? new WorkEntry(share.work(), null, nextParties, nextData, PartySlot.NO_RESERVATIONS)
                : new WorkEntry(old.key, old.work, nextParties, nextData, old.reservations));
        return true;
    }

    private boolean deleteShare(Share.Key key) {
        WorkEntry old = entryByKey(key.work());
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
        PartySlot[] nextParties = n == 0 ? NO_PARTIES : new PartySlot[n];
        int[] nextData = n == 0 ? NO_DATA : new int[3 * n];
        System.arraycopy(old.shareParties, 0, nextParties, 0, at);
        System.arraycopy(old.shareParties, at + 1, nextParties, at, n - at);
        System.arraycopy(old.shareData, 0, nextData, 0, 3 * at);
        System.arraycopy(old.shareData, 3 * (at + 1), nextData, 3 * at, 3 * (n - at));
        shareCount--;
        replace(old, new WorkEntry(old.key, old.work, nextParties, nextData, old.reservations));
        return true;
    }

    private boolean upsertReservation(Reservation reservation) {
        Reservation r = new Reservation(reservation.target(), reservation.source(), intern(reservation.effectiveFrom()));
        if (r.target() instanceof Reservation.OnParty p) {
            PartySlot slot = partySlot(p.party());
            Reservation[] current = slot.reservations;
            Reservation[] next = KeyedArrays.upserted(current, r, Reservation::key);
            if (next == null) {
                return false;
            }
            if (next.length > current.length) {
                reservationCount++;
            }
            slot.reservations = next;
            return true;
        }
        WorkId work = ((Reservation.OnWork) r.target()).work();
        WorkEntry old = entryByKey(work);
        if (old != null && old.key != work) {
            r = new Reservation(new Reservation.OnWork(old.key), r.source(), r.effectiveFrom());
        }
        Reservation[] current = old == null ? PartySlot.NO_RESERVATIONS : old.reservations;
        Reservation[] next = KeyedArrays.upserted(current, r, Reservation::key);
        if (next == null) {
            return false;
        }
        if (next.length > current.length) {
            reservationCount++;
        }
        replace(old, old == null ? new WorkEntry(work, null, NO_PARTIES, NO_DATA, next)
                : new WorkEntry(old.key, old.work, old.shareParties, old.shareData, next));
        return true;
    }

    private boolean deleteReservation(Reservation.Key key) {
        if (key.target() instanceof Reservation.OnParty p) {
            PartySlot slot = parties.get(p.party());
            Reservation[] next = slot == null ? null
                    : KeyedArrays.without(slot.reservations, r -> r.key().equals(key), Reservation[]::new);
            if (next == null) {
                return false;
            }
            reservationCount--;
            slot.reservations = next.length == 0 ? PartySlot.NO_RESERVATIONS : next;
            return true;
        }
        WorkEntry old = entryByKey(((Reservation.OnWork) key.target()).work());
        if (old == null) {
            return false;
        }
        Reservation[] next = KeyedArrays.without(old.reservations, r -> r.key().equals(key), Reservation[]::new);
        if (next == null) {
            return false;
        }
        reservationCount--;
        replace(old, new WorkEntry(old.key, old.work, old.shareParties, old.shareData,
                next.length == 0 ? PartySlot.NO_RESERVATIONS : next));
        return true;
    }

    private boolean upsertMandate(Mandate mandate) {
        PartySlot slot = partySlot(mandate.party());
        Mandate m = new Mandate(slot.id, mandate.society(), mandate.right(), mandate.territory().canonical(),
                intern(mandate.validFrom()), intern(mandate.validTo()));
        Mandate[] current = slot.mandates;
        Mandate[] next = KeyedArrays.upserted(current, m, Mandate::key);
        if (next == null) {
            return false;
        }
        if (next.length > current.length) {
            mandateCount++;
        }
        slot.mandates = next;
        return true;
    }

    private boolean deleteMandate(Mandate.Key key) {
        PartySlot slot = parties.get(key.party());
        Mandate[] next = slot == null ? null : KeyedArrays.without(slot.mandates, m -> m.key().equals(key), Mandate[]::new);
        if (next == null) {
            return false;
        }
        mandateCount--;
        slot.mandates = next.length == 0 ? PartySlot.NO_MANDATES : next;
        return true;
    }

    private boolean upsertLicence(Licence licence) {
        Licence l = new Licence(licence.platform(), licence.licensor(), intern(licence.validFrom()),
                intern(licence.validTo()), licence.tariff());
        ConcurrentHashMap<SocietyId, Licence[]> byLicensor =
                licences.computeIfAbsent(l.platform(), p -> new ConcurrentHashMap<>());
        Licence[] current = byLicensor.getOrDefault(l.licensor(), new Licence[0]);
        Licence[] next = KeyedArrays.upserted(current, l, Licence::key);
        if (next == null) {
            return false;
        }
        if (next.length > current.length) {
            licenceCount++;
        }
        byLicensor.put(l.licensor(), next);
        return true;
    }

    private boolean deleteLicence(Licence.Key key) {
        ConcurrentHashMap<SocietyId, Licence[]> byLicensor = licences.get(key.platform());
        Licence[] current = byLicensor == null ? null : byLicensor.get(key.licensor());
        Licence[] next = current == null ? null : KeyedArrays.without(current, l -> l.key().equals(key), Licence[]::new);
        if (next == null) {
            return false;
        }
        licenceCount--;
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
                    byIdentifier.computeIfPresent(id, (k, slot) -> IdentifierSlots.removeFromSlot(slot, old.key));
                }
            }
        }
        for (WorkId id : newIds) {
            byIdentifier.compute(id, (k, slot) -> IdentifierSlots.putInSlot(slot, neu));
        }
    }

    private LocalDate intern(LocalDate d) {
        if (d == null) {
            return null;
        }
        LocalDate seen = dates.putIfAbsent(d, d);
        return seen != null ? seen : d;
    }
}
