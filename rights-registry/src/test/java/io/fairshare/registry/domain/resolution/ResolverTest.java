package io.fairshare.registry.domain.resolution;

import static io.fairshare.registry.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolverTest {
    private final CatalogueIndex index = new CatalogueIndex();
    private final Resolver resolver = new Resolver(index, AS_GIVEN);

    private Resolution.Matched resolve(String day, Territory territory, WorkId... ids) {
        return matched(resolver.resolve(usage(at(day), territory, ids)));
    }

    @Test
    void severalSharesGiveOneLinePerPartySortedByParty() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-c", RightType.TRAINING, Territory.WORLD, 2000)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 5000)));
        index.apply(upsert(share(SONG, "p-b", RightType.TRAINING, Territory.WORLD, 3000)));

        Resolution.Matched m = resolve("2025-03-01", KR, SONG);

        assertEquals(SONG, m.work().key());
        assertEquals(RightType.TRAINING, m.rightType());
        assertEquals(Territory.WORLD, m.shareTerritory());
        assertEquals(LocalDate.parse("2025-03-01"), m.dayOfUse());
        assertEquals(List.of("p-a - 5000 UNLICENSED -", "p-b - 3000 UNLICENSED -", "p-c - 2000 UNLICENSED -"), describe(m));
        assertFalse(m.overClaimed());
        assertFalse(m.hasConflict());
    }

    @Test
    void sharesOfTheSamePartyAreAddedIntoOneLine() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 4000, "2025-01-01", null)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 1000, "2025-02-01", null)));
        index.apply(upsert(share(SONG, "p-b", RightType.TRAINING, Territory.WORLD, 5000)));

        assertEquals(List.of("p-a - 5000 UNLICENSED -", "p-b - 5000 UNLICENSED -"),
                describe(resolve("2025-03-01", KR, SONG)));
    }

    /** A share valid 2025-03-01..2025-06-30, both days included, next to an open-ended one. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2025-02-28T23:59:59Z, 'p-open - 4000 UNLICENSED -|- - 6000 UNCLAIMED -'",
            "2025-03-01T00:00:00Z, 'p-open - 4000 UNLICENSED -|p-ranged - 6000 UNLICENSED -'",
            "2025-03-02T12:00:00Z, 'p-open - 4000 UNLICENSED -|p-ranged - 6000 UNLICENSED -'",
            "2025-06-29T12:00:00Z, 'p-open - 4000 UNLICENSED -|p-ranged - 6000 UNLICENSED -'",
            "2025-06-30T23:59:59Z, 'p-open - 4000 UNLICENSED -|p-ranged - 6000 UNLICENSED -'",
            "2025-07-01T00:00:00Z, 'p-open - 4000 UNLICENSED -|- - 6000 UNCLAIMED -'",
    })
    void shareValidityIncludesBothEdgeDaysJudgedInUtc(String usedAt, String expected) {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-ranged", RightType.TRAINING, Territory.WORLD, 6000, "2025-03-01", "2025-06-30")));
        index.apply(upsert(share(SONG, "p-open", RightType.TRAINING, Territory.WORLD, 4000, "2025-01-01", null)));

        Resolution.Matched m = matched(resolver.resolve(usage(Instant.parse(usedAt), KR, SONG)));

        assertEquals(List.of(expected.split("\\|")), describe(m));
    }

    @Test
    void aWorkWhoseOnlyShareHasExpiredIsWhollyUnclaimed() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000, "2024-01-01", "2024-12-31")));

        Resolution.Matched m = resolve("2025-01-01", KR, SONG);

        assertEquals(List.of("- - 10000 UNCLAIMED -"), describe(m));
        assertNull(m.rightType());
        assertNull(m.shareTerritory());
    }

    @Test
    void territorySpecificSharesReplaceTheWorldSet() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-world-1", RightType.TRAINING, Territory.WORLD, 5000)));
        index.apply(upsert(share(SONG, "p-world-2", RightType.TRAINING, Territory.WORLD, 5000)));
        index.apply(upsert(share(SONG, "p-korea", RightType.TRAINING, KR, 6000)));

        Resolution.Matched inKorea = resolve("2025-03-01", KR, SONG);
        Resolution.Matched inJapan = resolve("2025-03-01", JP, SONG);

        assertEquals(KR, inKorea.shareTerritory());
        assertEquals(List.of("p-korea - 6000 UNLICENSED -", "- - 4000 UNCLAIMED -"), describe(inKorea));
        assertEquals(Territory.WORLD, inJapan.shareTerritory());
        assertEquals(List.of("p-world-1 - 5000 UNLICENSED -", "p-world-2 - 5000 UNLICENSED -"), describe(inJapan));
    }

    @Test
    void anExpiredTerritorySetFallsBackToTheWorldSet() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-world", RightType.TRAINING, Territory.WORLD, 10000)));
        index.apply(upsert(share(SONG, "p-korea", RightType.TRAINING, KR, 10000, null, "2024-12-31")));

        assertEquals(List.of("p-korea - 10000 UNLICENSED -"), describe(resolve("2024-12-31", KR, SONG)));
        assertEquals(List.of("p-world - 10000 UNLICENSED -"), describe(resolve("2025-01-01", KR, SONG)));
    }

    @Test
    void withoutTrainingSharesTheFallbackOrderIsReproductionMechanicalPerformance() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-perf", RightType.PERFORMANCE, Territory.WORLD, 10000)));
        index.apply(upsert(share(SONG, "p-sync", RightType.SYNCHRONISATION, Territory.WORLD, 10000)));
        assertEquals(RightType.PERFORMANCE, resolve("2025-03-01", KR, SONG).rightType());

        index.apply(upsert(share(SONG, "p-mech", RightType.MECHANICAL, Territory.WORLD, 10000)));
        assertEquals(RightType.MECHANICAL, resolve("2025-03-01", KR, SONG).rightType());

        index.apply(upsert(share(SONG, "p-repro", RightType.REPRODUCTION, KR, 10000)));
        Resolution.Matched m = resolve("2025-03-01", KR, SONG);
        assertEquals(RightType.REPRODUCTION, m.rightType());
        assertEquals(List.of("p-repro - 10000 UNLICENSED -"), describe(m));

        index.apply(upsert(share(SONG, "p-train", RightType.TRAINING, Territory.WORLD, 10000, "2025-03-02", null)));
        assertEquals(RightType.REPRODUCTION, resolve("2025-03-01", KR, SONG).rightType());
        assertEquals(RightType.TRAINING, resolve("2025-03-02", KR, SONG).rightType());
    }

    @Test
    void synchronisationSharesAloneLeaveATrainingUseUnclaimed() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-sync", RightType.SYNCHRONISATION, Territory.WORLD, 10000)));

        assertEquals(List.of("- - 10000 UNCLAIMED -"), describe(resolve("2025-03-01", KR, SONG)));
    }

    @Test
    void aMandatedPartyIsPaidThroughItsSocietyUnderTheSocietysLicence() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-member", RightType.TRAINING, Territory.WORLD, 6000)));
        index.apply(upsert(share(SONG, "p-direct", RightType.TRAINING, Territory.WORLD, 4000)));
        index.apply(upsert(new Mandate(party("p-member"), KOMCA, RightType.TRAINING, KR, day("2025-01-01"), null)));
        index.apply(upsert(new Licence(PLATFORM, KOMCA, day("2025-01-01"), day("2025-12-31"), new TariffId("KOMCA-AI-2025"))));
        index.apply(upsert(new Licence(PLATFORM, SocietyId.STATUTORY, null, null, new TariffId("STATUTORY-2025"))));

        assertEquals(List.of("p-direct - 4000 LICENSED STATUTORY-2025", "p-member KOMCA 6000 LICENSED KOMCA-AI-2025"),
                describe(resolve("2025-03-01", KR, SONG)));
    }

    @Test
    void aMandateCountsOnlyForItsRightTerritoryAndDates() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-member", RightType.TRAINING, Territory.WORLD, 10000)));
        index.apply(upsert(new Mandate(party("p-member"), KOMCA, RightType.TRAINING, KR, day("2025-01-01"), day("2025-06-30"))));
        index.apply(upsert(new Mandate(party("p-member"), KOSA, RightType.PERFORMANCE, Territory.WORLD, null, null)));

        assertEquals(List.of("p-member KOMCA 10000 UNLICENSED -"), describe(resolve("2025-06-30", KR, SONG)));
        assertEquals(List.of("p-member - 10000 UNLICENSED -"), describe(resolve("2025-07-01", KR, SONG)));
        assertEquals(List.of("p-member - 10000 UNLICENSED -"), describe(resolve("2025-03-01", JP, SONG)));
        assertEquals(List.of("p-member - 10000 UNLICENSED -"), describe(resolve("2024-12-31", KR, SONG)));
    }

    @Test
    void aTerritoryMandatePrevailsOverAWorldMandate() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-member", RightType.TRAINING, Territory.WORLD, 10000)));
        index.apply(upsert(new Mandate(party("p-member"), KOSA, RightType.TRAINING, Territory.WORLD, day("2025-02-01"), null)));
        index.apply(upsert(new Mandate(party("p-member"), KOMCA, RightType.TRAINING, KR, day("2025-01-01"), null)));

        assertEquals(List.of("p-member KOMCA 10000 UNLICENSED -"), describe(resolve("2025-03-01", KR, SONG)));
        assertEquals(List.of("p-member KOSA 10000 UNLICENSED -"), describe(resolve("2025-03-01", JP, SONG)));
    }

    @Test
    void aLicenceOfAnotherPlatformOrOutsideItsDatesLeavesTheLineUnlicensed() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-member", RightType.TRAINING, Territory.WORLD, 10000)));
        index.apply(upsert(new Mandate(party("p-member"), KOMCA, RightType.TRAINING, Territory.WORLD, null, null)));
        index.apply(upsert(new Licence(new PlatformId("platform-b"), KOMCA, null, null, new TariffId("B"))));
        index.apply(upsert(new Licence(PLATFORM, KOMCA, day("2025-01-01"), day("2025-06-30"), new TariffId("H1"))));
        index.apply(upsert(new Licence(PLATFORM, KOMCA, day("2025-06-01"), day("2025-12-31"), new TariffId("H2"))));
        index.apply(upsert(new Licence(PLATFORM, SocietyId.STATUTORY, null, null, new TariffId("STATUTORY"))));

        assertEquals(List.of("p-member KOMCA 10000 UNLICENSED -"), describe(resolve("2024-12-31", KR, SONG)));
        assertEquals(List.of("p-member KOMCA 10000 LICENSED H1"), describe(resolve("2025-01-01", KR, SONG)));
        assertEquals(List.of("p-member KOMCA 10000 LICENSED H2"), describe(resolve("2025-06-15", KR, SONG)));
        assertEquals(List.of("p-member KOMCA 10000 UNLICENSED -"), describe(resolve("2026-01-01", KR, SONG)));
    }

    @Test
    void anOverClaimOfTwiceSixtyPercentIsScaledToFiftyFiftyAndDisputed() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 6000)));
        index.apply(upsert(share(SONG, "p-b", RightType.TRAINING, Territory.WORLD, 6000)));

        Resolution.Matched m = resolve("2025-03-01", KR, SONG);

        assertTrue(m.overClaimed());
        assertEquals(List.of("p-a - 5000 UNLICENSED - disputed", "p-b - 5000 UNLICENSED - disputed"), describe(m));
        assertEquals(List.of(6000, 6000), m.lines().stream().map(ResolutionLine::claimedBasisPoints).toList());
    }

    @Test
    void anOverClaimIsScaledWithLargestRemainderRounding() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-1", RightType.TRAINING, Territory.WORLD, 3333)));
        index.apply(upsert(share(SONG, "p-2", RightType.TRAINING, Territory.WORLD, 3333)));
        index.apply(upsert(share(SONG, "p-3", RightType.TRAINING, Territory.WORLD, 3334)));
        index.apply(upsert(share(SONG, "p-4", RightType.TRAINING, Territory.WORLD, 100)));

        Resolution.Matched m = resolve("2025-03-01", KR, SONG);

        assertTrue(m.overClaimed());
        assertEquals(List.of("p-1 - 3300 UNLICENSED - disputed", "p-2 - 3300 UNLICENSED - disputed",
                "p-3 - 3301 UNLICENSED - disputed", "p-4 - 99 UNLICENSED - disputed"), describe(m));
    }

    @Test
    void anUnderClaimLeavesAnUnclaimedLineForTheRemainder() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 4500)));
        index.apply(upsert(share(SONG, "p-b", RightType.TRAINING, Territory.WORLD, 2500)));

        Resolution.Matched m = resolve("2025-03-01", KR, SONG);

        assertFalse(m.overClaimed());
        assertEquals(List.of("p-a - 4500 UNLICENSED -", "p-b - 2500 UNLICENSED -", "- - 3000 UNCLAIMED -"), describe(m));
    }

    @Test
    void aWorkReservationMakesEveryLineReservedFromItsDateOn() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 7000)));
        index.apply(upsert(new Licence(PLATFORM, SocietyId.STATUTORY, null, null, new TariffId("STATUTORY"))));
        index.apply(upsert(new Reservation(new Reservation.OnWork(SONG), ReservationSource.TDMREP, day("2025-05-01"))));

        Resolution.Matched before = resolve("2025-04-30", KR, SONG);
        Resolution.Matched on = resolve("2025-05-01", KR, SONG);

        assertEquals(List.of("p-a - 7000 LICENSED STATUTORY", "- - 3000 UNCLAIMED -"), describe(before));
        assertEquals(List.of("p-a - 7000 RESERVED -", "- - 3000 RESERVED -"), describe(on));
        assertEquals(ReservationSource.TDMREP, on.lines().get(0).reservedBy());
        assertEquals(ReservationSource.TDMREP, on.lines().get(1).reservedBy());
        assertNull(before.lines().get(0).reservedBy());
    }

    @Test
    void aPartyReservationMakesOnlyThatPartysLineReserved() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 5000)));
        index.apply(upsert(share(SONG, "p-b", RightType.TRAINING, Territory.WORLD, 5000)));
        index.apply(upsert(new Reservation(new Reservation.OnParty(party("p-b")), ReservationSource.DIRECT_REQUEST,
                day("2025-05-01"))));

        assertEquals(List.of("p-a - 5000 UNLICENSED -", "p-b - 5000 UNLICENSED -"), describe(resolve("2025-04-30", KR, SONG)));
        Resolution.Matched on = resolve("2025-05-01", KR, SONG);
        assertEquals(List.of("p-a - 5000 UNLICENSED -", "p-b - 5000 RESERVED -"), describe(on));
        assertEquals(ReservationSource.DIRECT_REQUEST, on.lines().get(1).reservedBy());
    }

    @Test
    void aReservedWorkWithoutSharesIsStillReportedAsAViolation() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(new Reservation(new Reservation.OnWork(SONG), ReservationSource.C2PA, null)));

        assertEquals(List.of("- - 10000 RESERVED -"), describe(resolve("2025-03-01", KR, SONG)));
    }

    @Test
    void anEventWithoutIdentifiersIsUnmatched() {
        Resolution r = resolver.resolve(new UsageQuery(PLATFORM, List.of(), at("2025-03-01"), KR));

        Resolution.Unmatched u = assertInstanceOf(Resolution.Unmatched.class, r);
        assertEquals(Resolution.Reason.NO_IDENTIFIERS, u.reason());
    }

    @Test
    void anEventForAnUnknownWorkIsUnmatched() {
        index.apply(upsert(work(SONG)));
        WorkId other = new WorkId(IdScheme.ISWC, "T1122334454");

        Resolution.Unmatched u = assertInstanceOf(Resolution.Unmatched.class,
                resolver.resolve(usage(at("2025-03-01"), KR, other, BOOK)));

        assertEquals(Resolution.Reason.UNKNOWN_WORK, u.reason());
        assertEquals("no work in the catalogue carries iswc:T1122334454, isbn:9780306406157", u.detail());
    }

    @Test
    void sharesWithoutTheirWorkDoNotMatch() {
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000)));

        assertInstanceOf(Resolution.Unmatched.class, resolver.resolve(usage(at("2025-03-01"), KR, SONG)));
    }

    @Test
    void identifiersPointingToDifferentWorksResolveByPriorityAndFlagTheConflict() {
        WorkId recordingOfOtherSong = new WorkId(IdScheme.ISRC, "KRA011200002");
        index.apply(upsert(work(SONG)));
        index.apply(upsert(work(recordingOfOtherSong)));
        index.apply(upsert(share(SONG, "p-song", RightType.TRAINING, Territory.WORLD, 10000)));
        index.apply(upsert(share(recordingOfOtherSong, "p-recording", RightType.TRAINING, Territory.WORLD, 10000)));

        Resolution.Matched isrcFirst = resolve("2025-03-01", KR, recordingOfOtherSong, SONG);
        Resolution.Matched iswcFirst = resolve("2025-03-01", KR, SONG, recordingOfOtherSong);

        for (Resolution.Matched m : List.of(isrcFirst, iswcFirst)) {
            assertEquals(SONG, m.work().key());
            assertEquals(List.of("p-song - 10000 UNLICENSED -"), describe(m));
            assertEquals(List.of(recordingOfOtherSong), m.conflictingWorks());
        }
    }

    @Test
    void anUnknownHigherPriorityIdentifierDoesNotHideAKnownOne() {
        index.apply(upsert(work(BOOK)));
        index.apply(upsert(share(BOOK, "p-author", RightType.TRAINING, Territory.WORLD, 10000)));

        Resolution.Matched m = resolve("2025-03-01", KR, new WorkId(IdScheme.ISWC, "T1122334454"), BOOK);

        assertEquals(BOOK, m.work().key());
        assertFalse(m.hasConflict());
    }

    @Test
    void anIdentifierCarriedByTwoWorksResolvesToTheWorkKeyedByIt() {
        Work song = new Work(SONG, List.of(SONG, SONG_RECORDING), "Song", Category.MUSIC, List.of());
        Work recording = new Work(SONG_RECORDING, List.of(SONG_RECORDING), "Recording", Category.MUSIC, List.of());
        index.apply(upsert(song));
        index.apply(upsert(recording));

        Resolution.Matched byIsrc = resolve("2025-03-01", KR, SONG_RECORDING);
        Resolution.Matched byIswc = resolve("2025-03-01", KR, SONG);

        assertEquals(SONG_RECORDING, byIsrc.work().key());
        assertEquals(List.of(SONG), byIsrc.conflictingWorks());
        assertEquals(SONG, byIswc.work().key());
        assertEquals(List.of(), byIswc.conflictingWorks());
    }

    @Test
    void resolvingAnAcceptedUsageEventUsesItsPlatformIdentifiersTimeAndTerritory() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-world", RightType.TRAINING, Territory.WORLD, 10000)));
        index.apply(upsert(share(SONG, "p-korea", RightType.TRAINING, KR, 10000)));
        index.apply(upsert(new Licence(new PlatformId("platform-z"), SocietyId.STATUTORY, null, null, new TariffId("S"))));
        var event = new io.fairshare.contracts.usage.UsageAcceptedV1("platform-z", "e-1", "model", "1",
                io.fairshare.contracts.usage.UsageType.PRE_TRAINING,
                new io.fairshare.contracts.usage.WorkRef(List.of(SONG), "A song"), 1000,
                io.fairshare.contracts.usage.UnitKind.TOKENS, Instant.parse("2025-03-01T10:00:00Z"), "KR",
                null, null, Instant.parse("2025-03-01T10:00:01Z"));

        Resolution.Matched m = matched(resolver.resolve(UsageQuery.of(event)));

        assertEquals(List.of("p-korea - 10000 LICENSED S"), describe(m));
    }
}
