package io.fairshare.registry.domain.resolution;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A plain main (not a test, no JMH) that builds a catalogue of 1,000,000 works with 2 to 4 shares each, reports
 * the heap it takes, and measures single-thread resolutions per second for Zipf-distributed lookups (s = 1, the
 * popular works asked for most, as in real usage reports).
 *
 * <p>Run from /work/main after {@code ./mvnw -B -q -pl rights-registry test-compile}:
 * {@code java -Xmx2g -cp rights-registry/target/classes:rights-registry/target/test-classes:<fairshare-contracts jar>
 * io.fairshare.registry.domain.ResolutionThroughputHarness [works] [resolutions]}
 */
public final class ResolutionThroughputHarness {
    private ResolutionThroughputHarness() {
    }

    /** The catalogue the harness measures, and the work keys in it. */
    record Catalogue(CatalogueIndex index, WorkId[] works, PlatformId platform) {
    }

    public static void main(String[] args) {
        int works = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int resolutions = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        Random random = new Random(42);
        Territory kr = Territory.of("KR");
        Territory[] eventTerritories = {kr, kr, kr, Territory.of("JP"), Territory.of("US")};

        long before = usedHeap();
        long t0 = System.nanoTime();
        Catalogue catalogue = build(works, random);
        CatalogueIndex index = catalogue.index();
        WorkId[] ids = catalogue.works();
        PlatformId platform = catalogue.platform();
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long after = usedHeap();
        System.out.printf("catalogue: %s, built in %d ms%n", index.stats(), buildMs);
        System.out.printf("heap for the catalogue: %d MB (%d bytes per work, parties and mandates included)%n",
                (after - before) >> 20, (after - before) / works);

        // Zipf (s = 1) over the works: cumulative weights 1/k, sampled by binary search.
        double[] cdf = new double[works];
        double total = 0;
        for (int k = 0; k < works; k++) {
            total += 1.0 / (k + 1);
            cdf[k] = total;
        }
        int[] sample = new int[1 << 20];
        for (int i = 0; i < sample.length; i++) {
            double u = random.nextDouble() * total;
            int lo = 0;
            int hi = works - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            sample[i] = lo;
        }
        cdf = null;

        Resolver resolver = new Resolver(index);
        Instant usedAt = Instant.parse("2025-06-01T09:30:00Z");
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sink += run(resolver, platform, ids[sample[i & (sample.length - 1)]], usedAt, eventTerritories[i % 5]);
        }
        long start = System.nanoTime();
        for (int i = 0; i < resolutions; i++) {
            sink += run(resolver, platform, ids[sample[i & (sample.length - 1)]], usedAt, eventTerritories[i % 5]);
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf("resolutions: %d in %d ms = %,.0f per second on one thread (%.0f ns each) [check %d]%n",
                resolutions, elapsed / 1_000_000, resolutions * 1e9 / elapsed, (double) elapsed / resolutions, sink);
    }

    /**
     * 1,000,000 works: 2 to 4 TRAINING/WORLD shares each, one in five with a KR share set too, one in a hundred
     * reserved; a party for every three works, 70% of them with a mandate, one in two hundred reserved; licences of
     * the platform with three of five societies and the statutory scheme.
     */
    static Catalogue build(int works, Random random) {
        int parties = Math.max(1, works / 3);
        Territory kr = Territory.of("KR");
        SocietyId[] societies = {new SocietyId("KOMCA"), new SocietyId("KOSA"), new SocietyId("KLWA"),
                new SocietyId("KNPA"), new SocietyId("KFSA")};
        PlatformId platform = new PlatformId("platform-a");
        LocalDate from = LocalDate.parse("2024-01-01");
        CatalogueIndex index = new CatalogueIndex();
        PartyId[] partyIds = new PartyId[parties];
        for (int p = 0; p < parties; p++) {
            partyIds[p] = new PartyId(String.format("ipi:%011d", 100_000_000L + p));
            index.apply(new CatalogueChange.UpsertParty(new Party(partyIds[p], "Party " + p, null, partyIds[p].value().substring(4))));
            if (random.nextInt(10) < 7) {
                index.apply(new CatalogueChange.UpsertMandate(new Mandate(partyIds[p], societies[random.nextInt(5)],
                        RightType.TRAINING, Territory.WORLD, from, null)));
            }
            if (random.nextInt(200) == 0) {
                index.apply(new CatalogueChange.UpsertReservation(new Reservation(new Reservation.OnParty(partyIds[p]),
                        ReservationSource.DO_NOT_TRAIN_REGISTRY, from)));
            }
        }
        for (int s = 0; s < 3; s++) {
            index.apply(new CatalogueChange.UpsertLicence(new Licence(platform, societies[s], from, null,
                    new TariffId("T-" + societies[s].value()))));
        }
        index.apply(new CatalogueChange.UpsertLicence(new Licence(platform, SocietyId.STATUTORY, null, null,
                new TariffId("STATUTORY"))));
        WorkId[] ids = new WorkId[works];
        for (int w = 0; w < works; w++) {
            ids[w] = new WorkId(IdScheme.ISWC, iswc(w));
            index.apply(new CatalogueChange.UpsertWork(new Work(ids[w], List.of(ids[w]), "Work title number " + w,
                    Category.MUSIC, List.of())));
            int n = 2 + random.nextInt(3);
            int left = 10_000;
            for (int s = 0; s < n; s++) {
                int bp = s == n - 1 ? left : Math.max(1, left / 2);
                left -= bp;
                index.apply(new CatalogueChange.UpsertShare(new Share(ids[w], partyIds[random.nextInt(parties)],
                        RightType.TRAINING, Territory.WORLD, bp, from, null)));
            }
            if (random.nextInt(5) == 0) {
                index.apply(new CatalogueChange.UpsertShare(new Share(ids[w], partyIds[random.nextInt(parties)],
                        RightType.TRAINING, kr, 10_000, from, null)));
            }
            if (random.nextInt(100) == 0) {
                index.apply(new CatalogueChange.UpsertReservation(new Reservation(new Reservation.OnWork(ids[w]),
                        ReservationSource.TDMREP, from)));
            }
        }
        return new Catalogue(index, ids, platform);
    }

    private static int run(Resolver resolver, PlatformId platform, WorkId id, Instant at, Territory territory) {
        Resolution r = resolver.resolve(new UsageQuery(platform, List.of(id), at, territory));
        return r instanceof Resolution.Matched m ? m.lines().size() : -1;
    }

    /** A valid ISWC for number n (T, 9 digits, check digit). */
    private static String iswc(int n) {
        String digits = String.format("%09d", n);
        int sum = 1;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (digits.charAt(i) - '0');
        }
        return "T" + digits + ((10 - sum % 10) % 10);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
