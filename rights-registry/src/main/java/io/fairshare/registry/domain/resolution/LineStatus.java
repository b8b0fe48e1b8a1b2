package io.fairshare.registry.domain.resolution;

/** The status of one line of a {@link Resolution.Matched}. */
public enum LineStatus {
    /** A licence between the platform and the line's licensor (its society, or the statutory scheme) covers the day. */
    LICENSED,
    /** No licence between the platform and the line's licensor covers the day: usage without permission, flagged. */
    UNLICENSED,
    /** The work or the party has reserved its rights against training: a violation to report. */
    RESERVED,
    /** The remainder no party claims (shares summing to less than 100%). */
    UNCLAIMED
}
