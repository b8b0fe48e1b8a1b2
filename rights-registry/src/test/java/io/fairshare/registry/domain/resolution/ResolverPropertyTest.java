package io.fairshare.registry.domain.resolution;

import static io.fairshare.registry.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants of resolution over seeded random catalogues; a failure names its seed, which replays it exactly. */
class ResolverPropertyTest {
    private static final Territory[] TERRITORIES = {Territory.WORLD, KR, JP};
    private static final LocalDate BASE = LocalDate.parse("2025-01-01");

    @Test
    void theLinesOfEveryMatchedResolutionSumToExactlyTenThousandBasisPoints() {
        int matchedCount = 0;
        int overClaimedCount = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            CatalogueIndex index = randomCatalogue(random);
            Resolver resolver = new Resolver(index, AS_GIVEN);
            for (int e = 0; e < 40; e++) {
                UsageQuery q = new UsageQuery(new PlatformId("platform-" + random.nextInt(2)),
                        List.of(workId(random.nextInt(8))), Instant.parse(BASE.plusDays(random.nextInt(400)) + "T08:00:00Z"),
                        TERRITORIES[random.nextInt(TERRITORIES.length)]);
                Resolution r = resolver.resolve(q);
                assertEquals(r, resolver.resolve(q), "seed " + seed + ": resolution is deterministic");
                if (!(r instanceof Resolution.Matched m)) {
                    continue;
                }
                matchedCount++;
                String where = "seed " + seed + " event " + e + ": " + describe(m);
                assertEquals(10000, m.lines().stream().mapToInt(ResolutionLine::basisPoints).sum(), where);
                int claimed = m.lines().stream().filter(l -> l.party() != null).mapToInt(ResolutionLine::claimedBasisPoints).sum();
                assertEquals(claimed > 10000, m.overClaimed(), where);
                if (m.overClaimed()) {
                    overClaimedCount++;
                    assertTrue(m.lines().stream().allMatch(l -> l.disputed() && l.party() != null), where);
                }
                for (ResolutionLine l : m.lines()) {
                    assertTrue(l.basisPoints() >= 0, where);
                    assertEquals(l.status() == LineStatus.LICENSED, l.tariff() != null, where);
                    if (l.party() == null) {
                        assertNull(l.society(), where);
                        assertTrue(l.status() == LineStatus.UNCLAIMED || l.status() == LineStatus.RESERVED, where);
                    }
                }
            }
        }
        assertTrue(matchedCount > 5000, "matched " + matchedCount);
        assertTrue(overClaimedCount > 100, "over-claimed " + overClaimedCount);
    }

    private static WorkId workId(int i) {
        return new WorkId(IdScheme.ISBN, "97800000000" + String.format("%02d", i));
    }

    private static LocalDate maybeDay(Random random) {
        return random.nextInt(3) == 0 ? null : BASE.plusDays(random.nextInt(400));
    }

    private static CatalogueIndex randomCatalogue(Random random) {
        CatalogueIndex index = new CatalogueIndex();
        List<CatalogueChange> changes = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            changes.add(upsert(work(workId(w))));
            int shares = random.nextInt(9);
            for (int s = 0; s < shares; s++) {
                LocalDate from = maybeDay(random);
                LocalDate to = maybeDay(random);
                if (from != null && to != null && to.isBefore(from)) {
                    LocalDate t = from;
                    from = to;
                    to = t;
                }
                changes.add(upsert(new Share(workId(w), party("p-" + random.nextInt(6)),
                        RightType.values()[random.nextInt(RightType.values().length)],
                        TERRITORIES[random.nextInt(TERRITORIES.length)], 1 + random.nextInt(10000), from, to)));
            }
            if (random.nextInt(5) == 0) {
                changes.add(upsert(new Reservation(new Reservation.OnWork(workId(w)),
                        ReservationSource.values()[random.nextInt(4)], maybeDay(random))));
            }
        }
        for (int p = 0; p < 6; p++) {
            if (random.nextBoolean()) {
                changes.add(upsert(new Mandate(party("p-" + p), random.nextBoolean() ? KOMCA : KOSA,
                        RightType.values()[random.nextInt(4)], TERRITORIES[random.nextInt(TERRITORIES.length)],
                        null, null)));
            }
            if (random.nextInt(6) == 0) {
                changes.add(upsert(new Reservation(new Reservation.OnParty(party("p-" + p)),
                        ReservationSource.DIRECT_REQUEST, maybeDay(random))));
            }
        }
        for (SocietyId licensor : List.of(KOMCA, KOSA, SocietyId.STATUTORY)) {
            if (random.nextBoolean()) {
                changes.add(upsert(new Licence(new PlatformId("platform-" + random.nextInt(2)), licensor, null, null,
                        new TariffId("T-" + licensor.value()))));
            }
        }
        index.applyAll(changes);
        return index;
    }
}
