package io.fairshare.seeds;

/**
 * What {@link SeedGenerator} makes. The three platforms, five societies, their licence matrix, tariffs and bank
 * details are fixed by the generator; the spec sets the random seed and the catalogue.
 *
 * @param seed               drives every random choice: the same spec always yields the same {@link SeedSet}
 * @param works              catalogue size (at least 100)
 * @param cwrWorks           how many music works are registered through the CWR file (the most used ones; at most
 *                           all music works); the other music works go into the CSV file with the rest of the catalogue
 * @param reservedWorks      works opted out of AI training (reservations), at fixed popularity ranks so that
 *                           every workload uses them; 0 to 5
 * @param underClaimedWorks  works whose shares sum to less than 10000 bp (an UNCLAIMED remainder)
 * @param multiHolderPercent percentage of works with two or three rights holders
 */
public record SeedSpec(long seed, int works, int cwrWorks, int reservedWorks, int underClaimedWorks,
                       int multiHolderPercent) {

    /** The seed of the demo data set (the day the generator was written). */
    public static final long DEMO_SEED = 20261121L;

    public SeedSpec {
        if (works < 100) {
            throw new IllegalArgumentException("works must be at least 100, was " + works);
        }
        if (cwrWorks < 0 || cwrWorks > works) {
            throw new IllegalArgumentException("cwrWorks must be 0.." + works + ", was " + cwrWorks);
        }
        if (reservedWorks < 0 || reservedWorks > SeedGenerator.RESERVED_RANKS.length) {
            throw new IllegalArgumentException("reservedWorks must be 0.." + SeedGenerator.RESERVED_RANKS.length
                    + ", was " + reservedWorks);
        }
        if (underClaimedWorks < 0 || underClaimedWorks > works / 20) {
            throw new IllegalArgumentException("underClaimedWorks must be 0.." + works / 20 + ", was " + underClaimedWorks);
        }
        if (multiHolderPercent < 0 || multiHolderPercent > 100) {
            throw new IllegalArgumentException("multiHolderPercent must be 0..100, was " + multiHolderPercent);
        }
    }

    /**
     * The demo: seed 20261121, 50,000 works (music, books, news, scripts, images, video), 1,500 music works in
     * the CWR file, 2 opted out, 5 under-claimed, 20% with several rights holders.
     */
    public static SeedSpec demo() {
        return new SeedSpec(DEMO_SEED, 50_000, 1_500, 2, 5, 20);
    }

    /** The demo's shape with fewer works, for tests: one work in twenty (at most 150) is a CWR music work. */
    public static SeedSpec small(int works) {
        return new SeedSpec(DEMO_SEED, works, Math.min(150, works / 20), 2, Math.min(3, works / 20), 20);
    }

    public SeedSpec withSeed(long newSeed) {
        return new SeedSpec(newSeed, works, cwrWorks, reservedWorks, underClaimedWorks, multiHolderPercent);
    }
}
