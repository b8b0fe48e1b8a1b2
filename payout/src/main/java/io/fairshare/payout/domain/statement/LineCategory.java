package io.fairshare.payout.domain.statement;

/** What a statement line's money is, and therefore where it is posted. */
public enum LineCategory {
    /** Usage under a licence: payable to the society. */
    LICENSED,
    /** Usage without a licence, priced at the statutory tariff: payable to the society. */
    UNLICENSED,
    /** Penalty for using a reserved (opted-out) work: held back until a decision. */
    RESERVED_PENALTY,
    /** A share with no known rights holder: held back until a claim. Has no society. */
    UNCLAIMED,
    /** A disputed share (e.g. an over-claim): held back until the dispute is decided. */
    DISPUTED;

    /** True for the categories credited to the society's payable; the others go to a holdback. */
    public boolean isPayable() {
        return this == LICENSED || this == UNLICENSED;
    }

    /** True for the categories held back on a society's behalf (disputed, reserved penalty). */
    public boolean isHeldForSociety() {
        return this == DISPUTED || this == RESERVED_PENALTY;
    }
}
