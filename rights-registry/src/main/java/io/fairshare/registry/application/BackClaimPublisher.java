package io.fairshare.registry.application;

import io.fairshare.contracts.usage.UsageResolvedV1;
import java.time.Instant;
import java.util.List;

/**
 * Publishes back-claims on {@link io.fairshare.contracts.Topics#USAGE_RESOLVED} in one transaction: every event, or
 * none (then it throws). Called on one thread at a time. The messaging adapter implements it.
 */
public interface BackClaimPublisher {
    void publish(List<UsageResolvedV1> events, Instant now);
}
