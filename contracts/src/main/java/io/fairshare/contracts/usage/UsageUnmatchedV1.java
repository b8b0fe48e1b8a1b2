package io.fairshare.contracts.usage;

import java.time.Instant;

/**
 * A usage event whose work the registry could not resolve, on
 * {@link io.fairshare.contracts.Topics#USAGE_UNMATCHED}. It is held, not dropped: when the
 * catalogue later resolves it, it is published as a back-claim on the resolved topic, once.
 */
public record UsageUnmatchedV1(UsageAcceptedV1 usage, String reason, Instant heldAt) {
}
