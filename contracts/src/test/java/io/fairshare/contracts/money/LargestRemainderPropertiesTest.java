package io.fairshare.contracts.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The properties of the project's one allocation rule, on seeded random inputs (a failure prints its
 * seed, and the same seed replays it): parts sum to the whole exactly, each part is within one unit of
 * its exact share, and equal shares are served in the order given.
 */
class LargestRemainderPropertiesTest {
    private static final long SEED = 20261207L;
    private static final int CASES = 2_000;

    @Test
    void roundedLinesSumToTheTotalAndStayWithinOneMinorUnit() {
        Random random = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            int scale = random.nextInt(4);
            int n = 1 + random.nextInt(30);
            List<BigDecimal> exact = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal e = BigDecimal.valueOf(random.nextInt(5_000_000), scale + 1 + random.nextInt(6));
                exact.add(e);
                sum = sum.add(e);
            }
            RoundingMode mode = random.nextBoolean() ? RoundingMode.HALF_UP : RoundingMode.HALF_EVEN;
            long total = sum.setScale(scale, mode).unscaledValue().longValueExact();
            long[] parts = LargestRemainder.round(exact, total, scale);
            long got = 0;
            for (int i = 0; i < n; i++) {
                got += parts[i];
                BigDecimal diff = BigDecimal.valueOf(parts[i], scale).subtract(exact.get(i)).abs();
                assertTrue(diff.compareTo(BigDecimal.ONE.movePointLeft(scale)) < 0, "seed " + SEED + " case " + c + " line " + i);
            }
            assertEquals(total, got, "seed " + SEED + " case " + c);
        }
    }

    @Test
    void aSplitSumsToTheWholeAndEachPartIsWithinOneUnitOfItsShare() {
        Random random = new Random(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            int minScale = random.nextInt(9);
            BigDecimal whole = BigDecimal.valueOf(random.nextInt(100_000_000), random.nextInt(4));
            int n = 1 + random.nextInt(20);
            BigDecimal[] weights = new BigDecimal[n];
            BigDecimal weightSum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                weights[i] = BigDecimal.valueOf(random.nextInt(3) == 0 ? 0 : random.nextInt(10_000), random.nextInt(3));
                weightSum = weightSum.add(weights[i]);
            }
            if (weightSum.signum() == 0) {
                weights[0] = BigDecimal.ONE;
                weightSum = BigDecimal.ONE;
            }
            BigDecimal[] parts = LargestRemainder.split(whole, weights, minScale);
            int scale = Math.max(minScale, whole.scale());
            BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
            BigDecimal got = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                assertEquals(scale, parts[i].scale());
                BigDecimal share = whole.multiply(weights[i]).divide(weightSum, MathContext.DECIMAL128);
                assertTrue(parts[i].subtract(share).abs().compareTo(unit) < 0, "seed " + (SEED + 1) + " case " + c + " part " + i);
                if (weights[i].signum() == 0) {
                    assertEquals(0, parts[i].signum(), "a zero weight gets nothing");
                }
                got = got.add(parts[i]);
            }
            assertEquals(0, whole.compareTo(got), "seed " + (SEED + 1) + " case " + c);
        }
    }

    @Test
    void equalRemaindersGoFirstToTheEarlierLine() {
        long[] parts = LargestRemainder.round(List.of(new BigDecimal("0.5"), new BigDecimal("0.5"), new BigDecimal("0.5")), 1, 0);
        assertEquals(List.of(1L, 0L, 0L), List.of(parts[0], parts[1], parts[2]));
        BigDecimal[] split = LargestRemainder.split(BigDecimal.ONE, new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE}, 0);
        assertEquals(List.of(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO), List.of(split));
    }
}
