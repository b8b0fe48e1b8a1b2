package io.fairshare.settlement.domain.usage;

/** How rights-registry resolved one share of a used work. */
public enum LineStatus {
    /** Covered by a licence; priced with the licence's tariff. */
    LICENSED,
    /** No licence: priced with the statutory tariff and flagged on the statement. */
    UNLICENSED,
    /** The work or party opted out of AI training: a violation, priced at a rate times the penalty multiplier. */
    RESERVED,
    /** No known rights holder for this share: the money is held back until a claim. */
    UNCLAIMED
}
