package io.fairshare.ingest.application;

import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link TokenBucket} per platform, in this instance. */
@ApplicationScoped
public class RateLimiter {
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final IngestConfig.RateLimit config;

    public RateLimiter(IngestConfig config) {
        this.config = config.rateLimit();
        if (this.config.burst() < config.maxBatchEvents()) {
            throw new IllegalStateException("fairshare.ingest.rate-limit.burst (" + this.config.burst()
                    + ") must be at least fairshare.ingest.max-batch-events (" + config.maxBatchEvents() + ")");
        }
    }

    /** 0 when the platform may send {@code events} now, else the seconds to wait. */
    public long acquire(String platformId, int events) {
        if (!config.enabled()) {
            return 0;
        }
        long now = System.nanoTime();
        return buckets.computeIfAbsent(platformId, p -> new TokenBucket(config.eventsPerSecond(), config.burst(), now))
                .tryTake(events, now);
    }
}
