package io.fairshare.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/** Settings of the resolution stream and of back-claims ({@code fairshare.resolution.*}; see the README). */
@ConfigMapping(prefix = "fairshare.resolution")
public interface ResolutionConfig {

    /**
     * This instance's name, unique among the running instances and the same after a restart: it makes the
     * transactional ids ({@code rights-registry-resolver-<id>}, {@code rights-registry-back-claims-<id>}), so that a
     * restarted instance fences and aborts the transactions its previous run left open at once.
     */
    @WithDefault("${HOSTNAME:local}")
    String instanceId();

    /**
     * Accepted events per poll, and so at most per Kafka transaction of the resolution stream ({@code max.poll.records}).
     * Larger batches commit less often; on 2 shared cores CPU per event, not commit latency, is the bound.
     */
    @WithDefault("2000")
    int maxBatch();

    /**
     * Threads of the resolution stream, each its own consumer in the group and its own transactional producer
     * (default: one per core). More threads than the accepted topic has partitions (summed over instances) stay idle.
     */
    OptionalInt threads();

    /** Kafka consumer settings of the resolution stream over the {@code kafka.*} ones ({@code ...consumer.session.timeout.ms=6000}). */
    Map<String, String> consumer();

    /** Kafka producer settings of the resolution stream over its own ({@code ...producer.linger.ms=10}). */
    Map<String, String> producer();

    BackClaim backClaim();

    interface BackClaim {
        /** Quiet time after a catalogue change before held usage is looked up, so that a work and its shares arrive first. */
        @WithDefault("PT2S")
        Duration delay();

        /** How often every held event is tried again against the catalogue (covers anything a change did not trigger). */
        @WithDefault("PT10M")
        Duration sweepInterval();

        /** Held events claimed and published per database and Kafka transaction. */
        @WithDefault("500")
        int pageSize();

        /** Wait before retrying after a failed claim (Kafka or the database unavailable). */
        @WithDefault("PT5S")
        Duration retryBackoff();
    }
}
