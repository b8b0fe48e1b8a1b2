package io.fairshare.payout.domain.reconciliation;

/** What a reconciliation found that does not tie out. Every alarm is a discrepancy a person must resolve. */
public enum AlarmCode {
    /** Two transactions in the journal share an id. */
    DUPLICATE_TRANSACTION,
    /** A transaction is unbalanced, empty or has a non-positive amount. */
    MALFORMED_TRANSACTION,
    /** A transaction posts to an account type its source kind never touches. */
    UNEXPECTED_ACCOUNT,
    /** An account that must not go negative did. */
    NEGATIVE_BALANCE,
    /** A transaction names a source document payout has no record of. */
    UNKNOWN_SOURCE,
    /** A society's own statements and the platforms' statements disagree about what it is owed. */
    STATEMENTS_DISAGREE,
    /** What the ledger posted from statements differs from what the statements say. */
    POSTING_DIFFERS_FROM_STATEMENTS,
    /** What the ledger paid differs from the payments of the runs. */
    PAID_DIFFERS_FROM_PAYMENTS,
    /** What the ledger released from holdbacks differs from the release decisions. */
    RELEASE_DIFFERS_FROM_DECISIONS,
    /** A society's payable position differs from issued + released - paid + offsets. */
    CARRIED_FORWARD_MISMATCH,
    /** A holdback's balance differs from what was held minus what was released. */
    HELD_BACK_MISMATCH,
    /** A society's recovery offsets do not sum to zero over its periods. */
    OFFSETS_DO_NOT_NET,
    /** A platform's outstanding position differs from issued - collected + credit used - credit granted. */
    OUTSTANDING_MISMATCH,
    /** A recorded receipt has no ledger transaction, or one for another amount. */
    RECEIPT_NOT_POSTED,
    /** A run's payments (the pain.001 NbOfTxs and CtrlSum) differ from the ledger's payout postings for it. */
    RUN_TOTAL_MISMATCH
}
