package io.fairshare.seeds;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014): a tiny generator
 * written out here rather than taken from {@code java.util}, so that the output, and therefore the committed files,
 * cannot change with the JDK. {@link #at(long, long)} gives an independent generator per (seed, index), so the
 * workload can produce event {@code i} without producing the events before it.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator for item {@code index} of the stream {@code seed}. */
    static Rng at(long seed, long index) {
        return new Rng(mix(seed ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Uniform in [from, to] (both included). */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    long nextLong(long bound) {
        return Math.floorMod(nextLong() >>> 1, bound);
    }

    /** Uniform in [0, 1), 53 bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean percent(int p) {
        return nextInt(100) < p;
    }

    <T> T pick(java.util.List<T> list) {
        return list.get(nextInt(list.size()));
    }
}
