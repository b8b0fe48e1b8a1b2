package io.fairshare.registry.domain.resolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void twiceSixtyPercentBecomesFiftyFifty() {
        assertArrayEquals(new int[] {5000, 5000}, Apportionment.largestRemainder(new int[] {6000, 6000}, 10000));
    }

    @Test
    void theMissingUnitGoesToTheLargestRemainder() {
        assertArrayEquals(new int[] {3300, 3300, 3301, 99},
                Apportionment.largestRemainder(new int[] {3333, 3333, 3334, 100}, 10000));
    }

    @Test
    void equalRemaindersFavourTheLargerWeightThenTheEarlierPosition() {
        // 3 x 5000 = 15000: each 3333.33..., one unit missing; all remainders equal, all weights equal -> first
        assertArrayEquals(new int[] {3334, 3333, 3333}, Apportionment.largestRemainder(new int[] {5000, 5000, 5000}, 10000));
        // 7000 + 7000 + 700 = 14700: quotas 4761.90, 4761.90, 476.19 -> remainders favour the two large ones
        assertArrayEquals(new int[] {4762, 4762, 476}, Apportionment.largestRemainder(new int[] {7000, 7000, 700}, 10000));
    }

    @Test
    void scaledWeightsAlwaysSumToTheTotalAndStayWithinOneUnitOfTheirQuota() {
        Random random = new Random(20250301L);
        for (int round = 0; round < 2000; round++) {
            int[] weights = new int[1 + random.nextInt(12)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1 + random.nextInt(10000);
            }
            long sum = Arrays.stream(weights).asLongStream().sum();
            int[] out = Apportionment.largestRemainder(weights, 10000);
            assertEquals(10000, Arrays.stream(out).sum(), "round " + round);
            for (int i = 0; i < weights.length; i++) {
                long floor = (long) weights[i] * 10000 / sum;
                assertTrue(out[i] == floor || out[i] == floor + 1, "round " + round + " weight " + i);
            }
        }
    }
}
