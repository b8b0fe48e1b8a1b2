package io.fairshare.contracts.usage;

/** How one entitled party's share of a resolved event is to be settled. */
public enum LineStatus {
    /** A licence between the platform and the party's society (or the party) covers the use. */
    LICENSED,
    /** No licence: settled at the statutory tariff and flagged on the statement. */
    UNLICENSED,
    /** The work or the party opted out of AI training: a violation, at the penalty tariff. */
    RESERVED,
    /** The registered shares sum below 100%: the remainder, held back for a later claim. */
    UNCLAIMED
}
