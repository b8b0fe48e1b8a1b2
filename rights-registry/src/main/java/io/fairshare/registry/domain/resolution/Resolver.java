package io.fairshare.registry.domain.resolution;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.CurrentShares;
import io.fairshare.registry.domain.catalogue.IdentifierPriority;
import io.fairshare.registry.domain.catalogue.WorkEntry;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
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
 *
 * <p>The index answers what resolution asks of it: the work an identifier names ({@link CatalogueIndex#workNamedBy}),
 * the shares that apply on the day (rules 3 to 6, {@link CatalogueIndex#currentShares}) and the licence in force
 * ({@link CatalogueIndex#licenceOn}); the choice among several mandates,
 * reservations or licences is the concept's own ({@code Mandate.forUse}, {@code Reservation.inForceOn},
 * {@code Licence.inForceOn}).
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

        // the work (rule 2)
        int n = ids.size();
        WorkId[] lookedUp = new WorkId[n];
        WorkEntry work = null;
        int best = -1;
        for (int i = 0; i < n; i++) {
            WorkId id = ids.get(i);
            WorkId found = id;
            WorkEntry named = index.workNamedBy(id);
            if (named == null && !index.holds(id)) {
                WorkId canonical = normaliser.canonical(id);
                if (canonical != null && !canonical.equals(id)) {
                    named = index.workNamedBy(canonical);
                    found = canonical;
                }
            }
            lookedUp[i] = found;
            if (named != null && (best < 0
                    || IdentifierPriority.rank(id.scheme()) < IdentifierPriority.rank(ids.get(best).scheme()))) {
                best = i;
                work = named;
            }
        }
        if (best < 0) {
            return new Resolution.Unmatched(Resolution.Reason.UNKNOWN_WORK, unknownDetail(ids));
        }
        List<WorkId> conflicts = index.otherWorksNamedBy(work.key(), lookedUp);

        // the shares (rules 3 to 8)
        Territory territory = query.territory();
        CurrentShares shares = index.currentShares(work, day, territory, RightType.TRAINING_FALLBACK);
        RightType right = shares.right();
        int count = shares.size();
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += shares.basisPoints(i);
        }
        boolean overClaimed = sum > FULL;
        int[] settled = null;
        if (overClaimed) {
            int[] weights = new int[count];
            for (int i = 0; i < count; i++) {
                weights[i] = shares.basisPoints(i);
            }
            settled = Apportionment.largestRemainder(weights, FULL);
        }

        // the lines (rules 9 to 11)
        Reservation workReservation = shares.workReservationOn(day);
        List<ResolutionLine> lines = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            PartyId party = shares.party(i);
            int claimed = shares.basisPoints(i);
            int paid = settled == null ? claimed : settled[i];
            Mandate mandate = shares.mandate(i, right, territory, day);
            SocietyId society = mandate == null ? null : mandate.society();
            Reservation reservation = workReservation != null ? workReservation : shares.partyReservationOn(i, day);
            if (reservation != null) {
                lines.add(new ResolutionLine(party, society, paid, claimed, LineStatus.RESERVED, null, null,
                        overClaimed, reservation.source()));
                continue;
            }
            Licence licence = index.licenceOn(query.platform(), society == null ? SocietyId.STATUTORY : society, day);
            lines.add(licence != null
                    ? new ResolutionLine(party, society, paid, claimed, LineStatus.LICENSED, licence.tariff(),
                            licence.key(), overClaimed, null)
                    : new ResolutionLine(party, society, paid, claimed, LineStatus.UNLICENSED, null, null,
                            overClaimed, null));
        }
        if (sum < FULL) {
            int remainder = (int) (FULL - sum);
            lines.add(workReservation != null
                    ? new ResolutionLine(null, null, remainder, remainder, LineStatus.RESERVED, null, null, false,
                            workReservation.source())
                    : new ResolutionLine(null, null, remainder, remainder, LineStatus.UNCLAIMED, null, null, false, null));
        }
        return new Resolution.Matched(work.work(), day, right, shares.territory(), lines, overClaimed, conflicts);
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
}
