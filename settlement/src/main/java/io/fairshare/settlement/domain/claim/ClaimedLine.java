package io.fairshare.settlement.domain.claim;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.usage.LineStatus;

/**
 * What a claim is about: the issued line's figures as the statement shows them (or, for missing usage, the usage
 * the claimant names). Adjustment lines copy these, so that a reader sees which work and use is corrected.
 *
 * @param ref       the issued line; null for {@link ClaimType#MISSING_USAGE}
 * @param status    the line's status (LICENSED for missing usage)
 */
public record ClaimedLine(LineRef ref, String platformId, String societyId, String partyId, String workId, String workCategory,
                          UsageType usageType, UnitKind unitKind, LineStatus status, String tariffId, String pricedWith) {
}
