package io.fairshare.settlement.domain.claim;

/**
 * What a claim says is wrong, after DDEX CDM's claim types: a line's share, a share claimed beyond what is owned,
 * usage missing from a statement, a line on the wrong work, or unlicensed use that the claimant disputes.
 * Only {@link #MISSING_USAGE} names usage instead of an issued line.
 */
public enum ClaimType {
    WRONG_SHARE, OVER_CLAIM, MISSING_USAGE, WRONG_WORK, UNLICENSED_USE_DISPUTED;

    public boolean onALine() {
        return this != MISSING_USAGE;
    }
}
