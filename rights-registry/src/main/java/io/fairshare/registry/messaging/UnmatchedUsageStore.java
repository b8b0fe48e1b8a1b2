package io.fairshare.registry.messaging;

import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.fairshare.registry.application.UnmatchedUsage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps unmatched usage: consumes {@link io.fairshare.contracts.Topics#USAGE_UNMATCHED} ({@code read_committed},
 * group {@code rights-registry-unmatched-store}) in batches and hands each to {@link UnmatchedUsage#hold}. Offsets
 * are committed after it returns (at least once; the insert makes it effectively once); while it retries the
 * partition is held, and when it throws (a data error) the channel fails.
 */
@ApplicationScoped
public class UnmatchedUsageStore {
    /** The channel (not in contracts: only this service reads the topic this way). */
    public static final String CHANNEL = "usage-unmatched-store";

    private final UnmatchedUsage unmatched;

    public UnmatchedUsageStore(UnmatchedUsage unmatched) {
        this.unmatched = unmatched;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void hold(List<UsageUnmatchedV1> batch) throws InterruptedException {
        unmatched.hold(batch);
    }
}
