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
        checkBurst("fairshare.ingest.rate-limit.burst", this.config.burst(), config.maxBatchEvents());
        this.config.platforms().forEach((p, q) ->
                checkBurst("fairshare.ingest.rate-limit.platforms.\"" + p + "\".burst", q.burst(), config.maxBatchEvents()));
    }

    /** 0 when the platform may send {@code events} now, else the seconds to wait. */
    public long acquire(String platformId, int events) {
        if (!config.enabled()) {
            return 0;
        }
        long now = System.nanoTime();
        return buckets.computeIfAbsent(platformId, p -> {
            IngestConfig.Quota q = config.platforms().get(p);
            return q == null ? new TokenBucket(config.eventsPerSecond(), config.burst(), now)
                    : new TokenBucket(q.eventsPerSecond(), q.burst(), now);
        }).tryTake(events, now);
    }

    private static void checkBurst(String key, long burst, int maxBatch) {
        if (burst < maxBatch) {
            throw new IllegalStateException(key + " (" + burst + ") must be at least fairshare.ingest.max-batch-events ("
                    + maxBatch + "), or a full batch could never pass");
        }
    }
}
