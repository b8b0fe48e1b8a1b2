package io.fairshare.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every key is documented in the module README. */
@ConfigMapping(prefix = "fairshare.ingest")
public interface IngestConfig {
    /** Events one request may carry. */
    @WithDefault("10000")
    int maxBatchEvents();

    /** Bytes one request body may hold (checked before parsing). */
    @WithDefault("16777216")
    long maxBodyBytes();

    /** JSON nesting depth beyond which a body is refused unparsed. */
    @WithDefault("16")
    int maxNestingDepth();

    /** How far in the future a time of use may lie. */
    @WithDefault("PT5M")
    Duration maxFutureSkew();


    /**
     * How long a request waits for another live request that is publishing the same event ids
     * (a concurrent resubmission) before it publishes them itself. Claims of a dead instance are
     * taken over at once.
     */
    @WithDefault("PT15S")
    Duration claimWait();

    /** How long event ids are remembered for duplicate detection (at least 7 days). */
    @WithDefault("P8D")
    Duration dedupRetention();

    /**
     * The operator token (/v1/admin), read as {@code fairshare.security.operator-tokens} (see
     * application.properties); list several there to rotate without downtime. Unset: no operator access.
     */
    Optional<String> operatorToken();

    /** How long an API key lookup is cached; a revocation reaches every instance within this. */
    @WithDefault("PT5S")
    Duration keyCacheTtl();

    RateLimit rateLimit();

    Kafka kafka();

    CrashTest crashTest();

    /** For crash tests only: hold every request at one step so that the test can kill the process there. */
    interface CrashTest {
        /** The steps of one request at which a test may hold it. */
        enum Step {
            /** Nothing held (the default). */
            NONE,
            /** The event ids are claimed (P), nothing is published yet. */
            AFTER_CLAIM,
            /** Kafka acknowledged every event, the claims are not confirmed yet. */
            AFTER_PUBLISH
        }

        @WithDefault("NONE")
        Step pauseAt();

        @WithDefault("PT120S")
        Duration pause();
    }

    /** Producer settings; the outcome of every event is known within max-block + delivery-timeout. */
    interface Kafka {
        /** How long a hand-over may wait for metadata while the broker is unreachable. */
        @WithDefault("PT2S")
        Duration maxBlock();

        /** Upper bound from hand-over to acknowledgement or failure of a record. */
        @WithDefault("PT10S")
        Duration deliveryTimeout();

        @WithDefault("PT0.005S")
        Duration linger();

        @WithDefault("262144")
        int batchSize();

        @WithDefault("lz4")
        String compression();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained events per second per platform, per instance. */
        @WithDefault("200000")
        long eventsPerSecond();

        /** Bucket size in events; must be at least max-batch-events. */
        @WithDefault("400000")
        long burst();

        /** Per-platform quotas: fairshare.ingest.rate-limit.platforms."acme".events-per-second=... */
        Map<String, Quota> platforms();
    }

    interface Quota {
        long eventsPerSecond();

        long burst();
    }
}
