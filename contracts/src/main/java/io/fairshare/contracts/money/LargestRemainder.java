package io.fairshare.contracts.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rounding rule of settlement, the largest-remainder method (Hamilton's method), in its two
 * uses:
 * <ul>
 *   <li>{@link #round}: issued lines. Each line gets the whole minor units of its exact amount
 *       ({@code floor}); the units still missing to reach the target total go one each to the lines
 *       with the largest leftover fraction; equal leftovers go first to the line that comes first
 *       (callers pass lines in statement order). Lines then sum to the target exactly and each is
 *       within one minor unit of its exact amount.</li>
 *   <li>{@link #split}: a whole (a revenue pool, a training fee, a minimum-fee shortfall) split pro
 *       rata to weights at a fine scale, by the same rule, so that the parts sum to the whole exactly
 *       and each part is within one unit of that scale of its exact pro-rata share.</li>
 * </ul>
 */
public final class LargestRemainder {
    private LargestRemainder() {
    }

    /**
     * @param exact      non-negative exact amounts, in the order that breaks ties
     * @param totalMinor the total the parts must sum to, in minor units; between {@code sum(floors)}
     *                   and {@code sum(floors) + n}, as the exact total rounded half-up or half-even is
     * @param scale      the currency's decimal places
     * @return the parts in minor units, in the order given
     */
    public static long[] round(List<BigDecimal> exact, long totalMinor, int scale) {
        int n = exact.size();
        long[] parts = new long[n];
        // All remainders at one scale, so that comparing them is comparing integers.
        int common = scale;
        for (BigDecimal e : exact) {
            common = Math.max(common, e.scale());
        }
        BigInteger[] remainders = new BigInteger[n];
        long floors = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal e = exact.get(i);
            if (e.signum() < 0) {
                throw new IllegalArgumentException("negative amount at " + i + ": " + e);
            }
            BigDecimal floor = e.setScale(scale, RoundingMode.FLOOR);
            parts[i] = floor.unscaledValue().longValueExact();
            remainders[i] = e.subtract(floor).setScale(common).unscaledValue();
            floors = Math.addExact(floors, parts[i]);
        }
        long missing = Math.subtractExact(totalMinor, floors);
        if (missing < 0 || missing > n) {
            throw new IllegalArgumentException("total " + totalMinor + " is not reachable from floors " + floors + " over " + n + " parts");
        }
        for (int i : largestFirst(remainders, (int) missing)) {
            parts[i]++;
        }
        return parts;
    }

    /**
     * Splits {@code whole} (non-negative) pro rata to {@code weights} (non-negative, not all zero), at
     * {@code max(minScale, whole.scale())} decimal places. Part {@code i} is
     * {@code floor(whole * w_i / sum(w))} at that scale, plus one unit of that scale for the parts with
     * the largest remainders (ties to the lower index) until the parts sum to {@code whole} exactly.
     */
    public static BigDecimal[] split(BigDecimal whole, BigDecimal[] weights, int minScale) {
        if (whole.signum() < 0) {
            throw new IllegalArgumentException("only non-negative amounts are split: " + whole);
        }
        int scale = Math.max(minScale, whole.scale());
        BigInteger units = whole.setScale(scale).unscaledValue();
        int weightScale = 0;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights must be non-negative: " + w);
            }
            weightScale = Math.max(weightScale, w.scale());
        }
        int n = weights.length;
        BigInteger[] u = new BigInteger[n];
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            u[i] = weights[i].setScale(weightScale).unscaledValue();
            total = total.add(u[i]);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        BigInteger[] q = new BigInteger[n];
        BigInteger[] r = new BigInteger[n];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = units.multiply(u[i]).divideAndRemainder(total);
            q[i] = qr[0];
            r[i] = qr[1];
            sum = sum.add(q[i]);
        }
        int missing = units.subtract(sum).intValueExact();
        for (int i : largestFirst(r, missing)) {
            q[i] = q[i].add(BigInteger.ONE);
        }
        BigDecimal[] parts = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            parts[i] = new BigDecimal(q[i], scale);
        }
        return parts;
    }

    /** The indices of the {@code k} largest values, equal values in index order. */
    private static <T extends Comparable<T>> List<Integer> largestFirst(T[] values, int k) {
        if (k == 0) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> values[b].compareTo(values[a])); // stable: ties keep index order
        return order.subList(0, k);
    }
}
