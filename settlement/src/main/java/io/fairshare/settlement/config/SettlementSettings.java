package io.fairshare.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every key is documented in the module README. */
@ConfigMapping(prefix = "fairshare.settlement")
public interface SettlementSettings {
    /**
     * Bearer token of the operator (close, tariffs, every statement), read as
     * {@code fairshare.security.operator-tokens} (list several there to rotate). Unset: no operator access.
     */
    Optional<String> operatorToken();

    /** Read-side bearer keys of societies: society id to token. */
    Map<String, String> societyKeys();

    /** Read-side bearer keys of platforms: platform id to token. */
    Map<String, String> platformKeys();

    /** The one settlement currency (ISO 4217). */
    @WithDefault("KRW")
    String currency();

    /** HALF_UP or HALF_EVEN: how a (platform, payee) group's exact total is rounded. */
    @WithDefault("HALF_UP")
    String totalRounding();

    /** Time zone of the period calendar. */
    @WithDefault("Asia/Seoul")
    String timeZone();

    /** MONTHLY or QUARTERLY. */
    @WithDefault("MONTHLY")
    String periodLength();

    /** SenderPartyId of DSR-style exports. */
    @WithDefault("fairshare")
    String senderPartyId();

    /** How often the outbox relay looks for unpublished statement announcements. */
    @WithDefault("1s")
    Duration outboxInterval();

    /** The scheduled close (README: Scheduled close). */
    Close close();

    interface Close {
        /** Whether this instance closes due periods by itself. */
        @WithDefault("true")
        boolean enabled();

        /** How long after its end a period stays open for late reports before the schedule closes it. */
        @WithDefault("PT2H")
        Duration grace();

        /** How often the schedule looks for due periods (read by the scheduler, whose default is the same). */
        @WithDefault("1m")
        String scheduleEvery();
    }
}
