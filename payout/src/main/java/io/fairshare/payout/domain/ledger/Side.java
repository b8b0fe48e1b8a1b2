package io.fairshare.payout.domain.ledger;

/** The two sides of a double-entry posting. */
public enum Side {
    DEBIT,
    CREDIT;

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
