package io.fairshare.registry.domain.resolution;

/**
 * Scaling whole numbers to an exact total: the over-claim policy.
 *
 * <p><b>Largest remainder.</b> Each weight w<sub>i</sub> first gets floor(w<sub>i</sub> &times; total / sum); the
 * units still missing to reach {@code total} (fewer than the number of weights) go one each to the weights with
 * the largest remainders (w<sub>i</sub> &times; total mod sum); ties go to the larger weight, then to the earlier
 * position. Example: 3333, 3333, 3334, 100 (sum 10100) scaled to 10000 gives 3300, 3300, 3301, 99.
 */
public final class Apportionment {
    private Apportionment() {
    }

    /** {@code weights} (non-negative, sum positive) scaled to sum exactly {@code total}. */
    public static int[] largestRemainder(int[] weights, int total) {
        long sum = 0;
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to " + sum);
        }
        int n = weights.length;
        int[] out = new int[n];
        long[] rem = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long scaled = (long) weights[i] * total;
            out[i] = (int) (scaled / sum);
            rem[i] = scaled % sum;
            given += out[i];
        }
        long missing = total - given;
        boolean[] bumped = new boolean[n];
        for (long k = 0; k < missing; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (bumped[i]) {
                    continue;
                }
                if (best < 0 || rem[i] > rem[best] || (rem[i] == rem[best] && weights[i] > weights[best])) {
                    best = i;
                }
            }
            bumped[best] = true;
            out[best]++;
        }
        return out;
    }
}
