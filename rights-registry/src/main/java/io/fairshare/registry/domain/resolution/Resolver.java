package io.fairshare.registry.domain.resolution;

import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.IdentifierSlots;
import io.fairshare.registry.domain.catalogue.PartySlot;
import io.fairshare.registry.domain.catalogue.WorkEntry;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.catalogue.PlatformId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.catalogue.SocietyId;
import io.fairshare.registry.domain.catalogue.Territory;
import io.fairshare.registry.domain.catalogue.Validity;
import io.fairshare.registry.domain.catalogue.Work;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves a usage event against a {@link CatalogueIndex}: a pure function of the query and the index's state.
 * The rules, applied in this order (also in the module README, "Resolution rules"):
 *
 * <ol>
 *   <li><b>Day of use.</b> Every validity is judged on the UTC calendar day of the time of use.</li>
 *   <li><b>Work.</b> Each identifier of the event is looked up as given, and if that misses, in its canonical form
 *       ({@code Identifiers.normalize}); invalid identifiers are skipped. The work found by the identifier of
 *       highest priority (ISWC, ISRC, ISBN, ISAN, DOI, SHA256, URL; the first of equal ones) wins. If an identifier
 *       is carried by several works, the work whose key is that identifier wins, else the one with the smallest key.
 *       Every other work any identifier points to is listed in {@code conflictingWorks}. No work found:
 *       {@link Resolution.Unmatched} (NO_IDENTIFIERS or UNKNOWN_WORK).</li>
 *   <li><b>Right type.</b> The first of {@link RightType#TRAINING_FALLBACK} (TRAINING, REPRODUCTION, MECHANICAL,
 *       PERFORMANCE) for which the work has a share valid on the day, in the event's territory or WORLD.</li>
 *   <li><b>Territory.</b> If any share of that right type valid on the day names the event's territory, the shares
 *       naming that territory are used and the WORLD shares are ignored (replaced, not merged); otherwise the WORLD
 *       shares.</li>
 *   <li><b>Validity.</b> A share applies from {@code validFrom} to {@code validTo}, both days included.</li>
 *   <li><b>Lines.</b> Shares of the same party are added up: one line per party, sorted by party id.</li>
 *   <li><b>Over-claim.</b> Lines summing to more than 10000 basis points are scaled pro rata to exactly 10000 by
 *       {@link Apportionment#largestRemainder}; every line is marked disputed and the resolution over-claimed.</li>
 *   <li><b>Under-claim.</b> Lines summing to less than 10000 get an UNCLAIMED line (no party) for the remainder. A
 *       work without any applicable share resolves to a single UNCLAIMED line of 10000.</li>
 *   <li><b>Mandate.</b> A party's society is the one of its mandate for the right type used, covering the day, in
 *       the event's territory, else in WORLD; among several, the latest {@code validFrom}, then the smallest society
 *       id. Without a mandate the party is paid directly (society null) and the licensor is the statutory scheme.</li>
 *   <li><b>Reservation.</b> A reservation on the work effective on the day (effectiveFrom on or before it) makes
 *       every line RESERVED, the unclaimed remainder included; one on a party makes that party's line RESERVED.</li>
 *   <li><b>Licence.</b> Otherwise a line is LICENSED, with the tariff, if a licence between the platform and the
 *       licensor (its society, or {@link SocietyId#STATUTORY}) covers the day (the latest {@code validFrom} wins);
 *       else UNLICENSED.</li>
 * </ol>
 */
public final class Resolver {

    /** Canonical form of a work identifier, or null if it is not valid. */
    @FunctionalInterface
    public interface IdentifierNormaliser {
        WorkId canonical(WorkId raw);
    }

    /** The contracts module's validation and normalisation. */
    public static final IdentifierNormaliser CONTRACTS = raw -> {
        IdResult r = Identifiers.normalize(raw.scheme(), raw.value());
        return r.isOk() ? r.id() : null;
    };

    private static final int FULL = 10_000;
    private static final int WORLD = 0;
    private static final int BP_MASK = WorkEntry.BP_MASK;
    private static final int RIGHT_SHIFT = WorkEntry.RIGHT_SHIFT;
    private static final int TERRITORY_SHIFT = WorkEntry.TERRITORY_SHIFT;

    private final CatalogueIndex index;
    private final IdentifierNormaliser normaliser;

    public Resolver(CatalogueIndex index) {
        this(index, CONTRACTS);
    }

    public Resolver(CatalogueIndex index, IdentifierNormaliser normaliser) {
        this.index = Objects.requireNonNull(index, "index");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    }

    public Resolution resolve(UsageQuery query) {
        List<WorkId> ids = query.identifiers();
        if (ids.isEmpty()) {
            return new Resolution.Unmatched(Resolution.Reason.NO_IDENTIFIERS, "the event names no work identifier");
        }
        LocalDate day = LocalDate.ofInstant(query.usedAt(), ZoneOffset.UTC);

        // 1. the work
        int n = ids.size();
        WorkEntry[] chosen = new WorkEntry[n];
        Object[] slots = new Object[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            WorkId id = ids.get(i);
            Object slot = index.slot(id);
            WorkId found = id;
            if (slot == null) {
                WorkId canonical = normaliser.canonical(id);
                if (canonical != null && !canonical.equals(id)) {
                    slot = index.slot(canonical);
                    found = canonical;
                }
            }
            slots[i] = slot;
            chosen[i] = choose(slot, found);
            if (chosen[i] != null && (best < 0
                    || IdentifierPriority.rank(id.scheme()) < IdentifierPriority.rank(ids.get(best).scheme()))) {
                best = i;
            }
        }
        if (best < 0) {
            return new Resolution.Unmatched(Resolution.Reason.UNKNOWN_WORK, unknownDetail(ids));
        }
        WorkEntry entry = chosen[best];
        List<WorkId> conflicts = conflicts(entry, slots);

        // 2. the shares
        Territory territory = query.territory();
        int dayNumber = (int) day.toEpochDay();
        int eventTerritory = territory.index();
        boolean eventInWorld = eventTerritory == WORLD;
        PartySlot[] shareParties = entry.shareParties;
        int[] data = entry.shareData;
        int shares = shareParties.length;
        RightType right = null;
        int shareTerritory = -1;
        for (RightType r : RightType.TRAINING_FALLBACK) {
            int rightBits = r.ordinal();
            boolean inTerritory = false;
            boolean inWorld = false;
            for (int i = 0; i < shares; i++) {
                int meta = data[3 * i];
                if (((meta >>> RIGHT_SHIFT) & 7) == rightBits && data[3 * i + 1] <= dayNumber && dayNumber <= data[3 * i + 2]) {
                    int t = meta >>> TERRITORY_SHIFT;
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

        PartySlot[] parties = new PartySlot[shares];
        int[] claimed = new int[shares];
        int count = 0;
        if (right != null) {
            int wanted = right.ordinal() << RIGHT_SHIFT | shareTerritory << TERRITORY_SHIFT;
            for (int i = 0; i < shares; i++) {
                int meta = data[3 * i];
                if ((meta & ~BP_MASK) == wanted && data[3 * i + 1] <= dayNumber && dayNumber <= data[3 * i + 2]) {
                    PartySlot party = shareParties[i];
                    int at = indexOf(parties, count, party);
                    if (at < 0) {
                        parties[count] = party;
                        claimed[count] = meta & BP_MASK;
                        count++;
                    } else {
                        claimed[at] += meta & BP_MASK;
                    }
                }
            }
            sortByParty(parties, claimed, count);
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += claimed[i];
        }
        boolean overClaimed = sum > FULL;
        int[] settled;
        if (overClaimed) {
            int[] weights = new int[count];
            System.arraycopy(claimed, 0, weights, 0, count);
            settled = Apportionment.largestRemainder(weights, FULL);
        } else {
            settled = claimed;
        }

        // 3. the lines
        Reservation workReservation = effective(entry.reservations, day);
        List<ResolutionLine> lines = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            PartySlot slot = parties[i];
            Mandate mandate = mandate(slot.mandates(), right, territory, day);
            SocietyId society = mandate == null ? null : mandate.society();
            Reservation reservation = workReservation != null ? workReservation : effective(slot.reservations(), day);
            if (reservation != null) {
                lines.add(new ResolutionLine(slot.id, society, settled[i], claimed[i], LineStatus.RESERVED, null, null,
                        overClaimed, reservation.source()));
                continue;
            }
            Licence licence = licence(query.platform(), society == null ? SocietyId.STATUTORY : society, day);
            lines.add(licence != null
                    ? new ResolutionLine(slot.id, society, settled[i], claimed[i], LineStatus.LICENSED, licence.tariff(),
                            licence.key(), overClaimed, null)
                    : new ResolutionLine(slot.id, society, settled[i], claimed[i], LineStatus.UNLICENSED, null, null,
                            overClaimed, null));
        }
        if (sum < FULL) {
            int remainder = (int) (FULL - sum);
            lines.add(workReservation != null
                    ? new ResolutionLine(null, null, remainder, remainder, LineStatus.RESERVED, null, null, false,
                            workReservation.source())
                    : new ResolutionLine(null, null, remainder, remainder, LineStatus.UNCLAIMED, null, null, false, null));
        }
        return new Resolution.Matched(entry.work, day, right,
                shareTerritory < 0 ? null : Territory.byIndex(shareTerritory), lines, overClaimed, conflicts);
    }

    /** The entry an identifier resolves to: the work keyed by it, else the one with the smallest key. */
    private static WorkEntry choose(Object slot, WorkId id) {
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
            if (e.key.equals(id)) {
                return e;
            }
            if (first == null) {
                first = e;
            }
        }
        return first;
    }

    private static List<WorkId> conflicts(WorkEntry winner, Object[] slots) {
        List<WorkId> out = null;
        for (Object slot : slots) {
            for (WorkEntry e : IdentifierSlots.entries(slot)) {
                if (e.work != null && e != winner && !e.key.equals(winner.key)) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    if (!out.contains(e.key)) {
                        out.add(e.key);
                    }
                }
            }
        }
        if (out == null) {
            return List.of();
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    private String unknownDetail(List<WorkId> ids) {
        StringBuilder sb = new StringBuilder("no work in the catalogue carries ");
        for (int i = 0; i < ids.size(); i++) {
            WorkId id = ids.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(id.key());
            if (normaliser.canonical(id) == null) {
                sb.append(" (not a valid ").append(id.scheme().wireName()).append(")");
            }
        }
        return sb.toString();
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

    private static Reservation effective(Reservation[] reservations, LocalDate day) {
        if (reservations == null) {
            return null;
        }
        Reservation found = null;
        for (Reservation r : reservations) {
            if (r.effectiveOn(day) && (found == null || r.source().ordinal() < found.source().ordinal())) {
                found = r;
            }
        }
        return found;
    }

    private static Mandate mandate(Mandate[] all, RightType right, Territory territory, LocalDate day) {
        Mandate best = null;
        for (Mandate m : all) {
            if (m.right() != right || !m.coversDay(day)) {
                continue;
            }
            boolean specific = !territory.isWorld() && m.territory().equals(territory);
            if (!specific && !m.territory().isWorld()) {
                continue;
            }
            if (best == null || better(m, specific, best, !best.territory().isWorld())) {
                best = m;
            }
        }
        return best;
    }

    private static boolean better(Mandate m, boolean mSpecific, Mandate best, boolean bestSpecific) {
        if (mSpecific != bestSpecific) {
            return mSpecific;
        }
        int byStart = compareStart(m.validFrom(), best.validFrom());
        if (byStart != 0) {
            return byStart > 0;
        }
        return m.society().compareTo(best.society()) < 0;
    }

    private Licence licence(PlatformId platform, SocietyId licensor, LocalDate day) {
        Licence[] all = index.licenceArray(platform, licensor);
        if (all == null) {
            return null;
        }
        Licence best = null;
        for (Licence l : all) {
            if (l.coversDay(day) && (best == null || compareStart(l.validFrom(), best.validFrom()) > 0)) {
                best = l;
            }
        }
        return best;
    }

    /** Orders start dates, null (since always) first. */
    private static int compareStart(LocalDate a, LocalDate b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }
}
