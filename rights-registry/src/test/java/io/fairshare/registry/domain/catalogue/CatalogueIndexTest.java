package io.fairshare.registry.domain.catalogue;

import static io.fairshare.registry.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.resolution.Resolution;
import io.fairshare.registry.domain.resolution.ResolutionLine;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CatalogueIndexTest {
    private final CatalogueIndex index = new CatalogueIndex();

    @Test
    void anUpsertEqualToTheStoredValueChangesNothing() {
        Share s = share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 5000);

        assertTrue(index.apply(upsert(work(SONG))));
        assertFalse(index.apply(upsert(work(SONG))));
        assertTrue(index.apply(upsert(s)));
        assertFalse(index.apply(upsert(s)));
        assertTrue(index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 6000))));
        assertEquals(List.of(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 6000)), index.shares(SONG));
        assertEquals(new CatalogueIndex.Stats(1, 0, 1, 0, 0, 0, 0), index.stats());
    }

    @Test
    void storedSharesReadBackExactlyAsTheyWereWritten() {
        List<Share> written = List.of(
                share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 1, null, null),
                share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000, "2025-01-01", null),
                share(SONG, "p-b", RightType.REPRODUCTION, KR, 2500, null, "2025-12-31"),
                share(SONG, "p-c", RightType.MECHANICAL, JP, 7, "1999-12-31", "2099-01-01"),
                share(SONG, "p-d", RightType.PERFORMANCE, Territory.of("ZW"), 9999, "1970-01-01", "1970-01-01"),
                share(SONG, "p-e", RightType.SYNCHRONISATION, Territory.of("AD"), 5000, "1900-02-28", null));
        written.forEach(s -> index.apply(upsert(s)));

        assertEquals(written, index.shares(SONG));

        assertTrue(index.apply(new CatalogueChange.DeleteShare(written.get(1).key())));
        assertFalse(index.apply(new CatalogueChange.DeleteShare(written.get(1).key())));
        assertEquals(List.of(written.get(0), written.get(2), written.get(3), written.get(4), written.get(5)),
                index.shares(SONG));
    }

    @Test
    void currentSharesAreThoseOfTheFirstRightWithAShareOnTheDayTheTerritoryReplacingWorldSummedPerPartyInPartyOrder() {
        index.apply(upsert(work(SONG, SONG_RECORDING)));
        index.apply(upsert(share(SONG, "p-b", RightType.REPRODUCTION, Territory.WORLD, 3000)));
        index.apply(upsert(share(SONG, "p-b", RightType.REPRODUCTION, KR, 1000, "2025-01-01", "2025-06-30")));
        index.apply(upsert(share(SONG, "p-b", RightType.REPRODUCTION, KR, 2000, "2025-07-01", null)));
        index.apply(upsert(share(SONG, "p-a", RightType.REPRODUCTION, KR, 4000)));
        index.apply(upsert(share(SONG, "p-c", RightType.TRAINING, JP, 10000)));
        index.apply(upsert(share(SONG, "p-d", RightType.TRAINING, KR, 10000, null, "2024-12-31")));

        WorkEntry entry = index.workNamedBy(SONG_RECORDING);
        assertEquals(SONG, entry.key());
        CurrentShares inKr = index.currentShares(entry, day("2025-07-01"), KR, RightType.TRAINING_FALLBACK);
        assertEquals(RightType.REPRODUCTION, inKr.right());
        assertEquals(KR, inKr.territory());
        assertEquals(2, inKr.size());
        assertEquals(List.of(party("p-a"), party("p-b")), List.of(inKr.party(0), inKr.party(1)));
        assertEquals(List.of(4000, 2000), List.of(inKr.basisPoints(0), inKr.basisPoints(1)));

        CurrentShares inUs = index.currentShares(entry, day("2025-07-01"), Territory.of("US"), RightType.TRAINING_FALLBACK);
        assertEquals(Territory.WORLD, inUs.territory());
        assertEquals(List.of(party("p-b")), List.of(inUs.party(0)));
        assertEquals(1, inUs.size());

        CurrentShares none = index.currentShares(entry, day("2025-07-01"), Territory.of("US"), List.of(RightType.MECHANICAL));
        assertEquals(null, none.right());
        assertEquals(0, none.size());
        assertEquals(null, index.workNamedBy(BOOK));
        assertEquals(List.of(), index.otherWorksNamedBy(SONG, new WorkId[] {SONG, SONG_RECORDING, null}));
    }

    @Test
    void deletingWhatIsAbsentChangesNothing() {
        assertFalse(index.apply(new CatalogueChange.DeleteWork(SONG)));
        assertFalse(index.apply(new CatalogueChange.DeleteShare(share(SONG, "p", RightType.TRAINING, KR, 1).key())));
        assertFalse(index.apply(new CatalogueChange.DeleteParty(party("p"))));
        assertFalse(index.apply(new CatalogueChange.DeleteMandate(
                new Mandate.Key(party("p"), RightType.TRAINING, KR, null))));
        assertFalse(index.apply(new CatalogueChange.DeleteLicence(new Licence.Key(PLATFORM, KOMCA, null))));
        assertFalse(index.apply(new CatalogueChange.DeleteReservation(
                new Reservation.Key(new Reservation.OnWork(SONG), ReservationSource.TDMREP))));
        assertEquals(CatalogueSnapshot.empty(), index.snapshot());
    }

    @Test
    void aWorkIsFoundByEachOfItsIdentifiersAndNoLongerByOneItDropped() {
        Work both = new Work(SONG, List.of(SONG, SONG_RECORDING), "Song", Category.MUSIC, List.of());
        index.apply(upsert(both));
        assertEquals(List.of(both), index.worksWithIdentifier(SONG_RECORDING));

        Work iswcOnly = new Work(SONG, List.of(SONG), "Song", Category.MUSIC, List.of());
        assertTrue(index.apply(upsert(iswcOnly)));

        assertEquals(List.of(), index.worksWithIdentifier(SONG_RECORDING));
        assertEquals(List.of(iswcOnly), index.worksWithIdentifier(SONG));
    }

    @Test
    void sharesArrivingBeforeTheirWorkResolveOnceTheWorkArrives() {
        Resolver resolver = new Resolver(index, AS_GIVEN);
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000)));
        assertInstanceOf(Resolution.Unmatched.class, resolver.resolve(usage(at("2025-03-01"), KR, SONG)));

        index.apply(upsert(work(SONG)));

        assertEquals(List.of("p-a - 10000 UNLICENSED -"),
                describe(matched(resolver.resolve(usage(at("2025-03-01"), KR, SONG)))));
    }

    @Test
    void deletingAWorkKeepsItsSharesForWhenItComesBack() {
        Resolver resolver = new Resolver(index, AS_GIVEN);
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000)));

        assertTrue(index.apply(new CatalogueChange.DeleteWork(SONG)));
        assertEquals(Optional.empty(), index.work(SONG));
        assertInstanceOf(Resolution.Unmatched.class, resolver.resolve(usage(at("2025-03-01"), KR, SONG)));
        assertEquals(1, index.shares(SONG).size());

        index.apply(upsert(work(SONG)));
        assertEquals(List.of("p-a - 10000 UNLICENSED -"),
                describe(matched(resolver.resolve(usage(at("2025-03-01"), KR, SONG)))));
    }

    @Test
    void deletingEachEntityRemovesIt() {
        Share s = share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000);
        Mandate m = new Mandate(party("p-a"), KOMCA, RightType.TRAINING, KR, null, null);
        Licence l = new Licence(PLATFORM, KOMCA, null, null, new TariffId("T"));
        Reservation onWork = new Reservation(new Reservation.OnWork(SONG), ReservationSource.TDMREP, null);
        Reservation onParty = new Reservation(new Reservation.OnParty(party("p-a")), ReservationSource.C2PA, null);
        List<CatalogueChange> upserts = List.of(upsert(work(SONG)), upsert(s), upsert(m), upsert(l), upsert(onWork),
                upsert(onParty), new CatalogueChange.UpsertParty(new Party(party("p-a"), "A", null, null)),
                new CatalogueChange.UpsertSociety(new Society(KOMCA, "Korea Music Copyright Association")));
        assertEquals(8, index.applyAll(upserts));
        assertEquals(new CatalogueIndex.Stats(1, 1, 1, 1, 1, 2, 1), index.stats());

        List<CatalogueChange> deletes = List.of(new CatalogueChange.DeleteWork(SONG),
                new CatalogueChange.DeleteShare(s.key()), new CatalogueChange.DeleteMandate(m.key()),
                new CatalogueChange.DeleteLicence(l.key()), new CatalogueChange.DeleteReservation(onWork.key()),
                new CatalogueChange.DeleteReservation(onParty.key()), new CatalogueChange.DeleteParty(party("p-a")),
                new CatalogueChange.DeleteSociety(KOMCA));
        assertEquals(8, index.applyAll(deletes));

        assertEquals(CatalogueSnapshot.empty(), index.snapshot());
        assertEquals(new CatalogueIndex.Stats(0, 0, 0, 0, 0, 0, 0), index.stats());
    }

    @Test
    void theSameChangesInAnyOrderGiveTheSameCatalogue() {
        List<CatalogueChange> changes = new ArrayList<>();
        for (int w = 0; w < 20; w++) {
            WorkId id = new WorkId(IdScheme.ISBN, "97800000000" + String.format("%02d", w));
            changes.add(upsert(work(id)));
            for (int p = 0; p < 3; p++) {
                changes.add(upsert(share(id, "p-" + p, RightType.TRAINING, p == 0 ? KR : Territory.WORLD, 1000 * (p + 1))));
            }
            changes.add(upsert(new Reservation(new Reservation.OnWork(id), ReservationSource.TDMREP, day("2025-01-01"))));
        }
        for (int p = 0; p < 3; p++) {
            changes.add(upsert(new Mandate(party("p-" + p), KOMCA, RightType.TRAINING, Territory.WORLD, null, null)));
            changes.add(new CatalogueChange.UpsertParty(new Party(party("p-" + p), "Party " + p, null, null)));
        }
        changes.add(upsert(new Licence(PLATFORM, KOMCA, null, null, new TariffId("T"))));
        CatalogueIndex inOrder = new CatalogueIndex();
        inOrder.applyAll(changes);
        CatalogueSnapshot expected = inOrder.snapshot();

        Random random = new Random(7L);
        for (int round = 0; round < 20; round++) {
            List<CatalogueChange> shuffled = new ArrayList<>(changes);
            Collections.shuffle(shuffled, random);
            CatalogueIndex other = new CatalogueIndex();
            other.applyAll(shuffled);
            assertEquals(expected, other.snapshot(), "round " + round);
        }
        assertEquals(expected, CatalogueIndex.of(expected).snapshot());
        assertEquals(20, expected.works().size());
        assertEquals(60, expected.shares().size());
    }

    @Test
    void readersResolvingWhileOneWriterChangesSharesAlwaysSeeWholeEntries() throws Exception {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-fixed", RightType.TRAINING, Territory.WORLD, 4000)));
        Resolver resolver = new Resolver(index, AS_GIVEN);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        Resolution.Matched m = matched(resolver.resolve(usage(at("2025-03-01"), KR, SONG)));
                        int sum = m.lines().stream().mapToInt(ResolutionLine::basisPoints).sum();
                        ResolutionLine fixed = m.lines().get(0);
                        if (sum != 10000 || !"p-fixed".equals(fixed.party().value()) || fixed.claimedBasisPoints() != 4000) {
                            failures.add(new AssertionError("torn read: " + describe(m)));
                        }
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int i = 0; i < 20_000; i++) {
            index.apply(upsert(share(SONG, "p-moving", RightType.TRAINING, Territory.WORLD, 1 + (i * 7919) % 10000)));
            if (i % 3 == 0) {
                index.apply(new CatalogueChange.DeleteShare(share(SONG, "p-moving", RightType.TRAINING, Territory.WORLD, 1).key()));
            }
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertEquals(List.of(), failures);
        assertTrue(reads.get() > 0);
    }
}
