package io.fairshare.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsABurstThroughThenAsksToWait() {
        TokenBucket b = new TokenBucket(1000, 3000, 0);
        assertEquals(0, b.tryTake(3000, 0));
        assertEquals(1, b.tryTake(1000, 0));
        assertEquals(0, b.tryTake(1000, SECOND));
    }

    @Test
    void retryAfterCoversTheWholeMissingAmount() {
        TokenBucket b = new TokenBucket(1000, 10_000, 0);
        assertEquals(0, b.tryTake(10_000, 0));
        assertEquals(3, b.tryTake(2500, 0));
        assertEquals(0, b.tryTake(2500, 3 * SECOND));
    }

    @Test
    void tokensNeverExceedTheCapacity() {
        TokenBucket b = new TokenBucket(1000, 2000, 0);
        assertEquals(0, b.tryTake(2000, 100 * SECOND));
        assertEquals(1, b.tryTake(1, 100 * SECOND));
    }

    @Test
    void aRequestLargerThanTheCapacityCanNeverPass() {
        assertEquals(-1, new TokenBucket(10, 100, 0).tryTake(101, 0));
    }
}
