package io.fairshare.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
