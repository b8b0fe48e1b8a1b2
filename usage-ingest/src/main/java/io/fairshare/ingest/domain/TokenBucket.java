package io.fairshare.ingest.domain;

/**
 * A token bucket counted in events: {@code ratePerSecond} tokens flow in per second up to
 * {@code capacity}. A batch takes as many tokens as it holds events, all or none. Time is passed in
 * (nanoseconds from any fixed origin) so that the rule is tested without a clock.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final long ratePerSecond;
    private final long capacity;
    private double tokens;
    private long lastNanos;

    public TokenBucket(long ratePerSecond, long capacity, long nowNanos) {
        if (ratePerSecond <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("rate and capacity must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes {@code n} tokens if there are enough. Returns 0 when taken, otherwise how many whole
     * seconds to wait before enough will have flowed in (at least 1). A request larger than the
     * capacity can never pass: it gets -1.
     */
    public synchronized long tryTake(long n, long nowNanos) {
        if (n > capacity) {
            return -1;
        }
        refill(nowNanos);
        if (tokens >= n) {
            tokens -= n;
            return 0;
        }
        double missing = n - tokens;
        return Math.max(1, (long) Math.ceil(missing / ratePerSecond));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            lastNanos = nowNanos;
        }
    }
}
