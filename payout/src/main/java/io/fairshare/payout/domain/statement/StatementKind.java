package io.fairshare.payout.domain.statement;

/** Which side of the money a statement shows. */
public enum StatementKind {
    /** What one platform owes for the period, per society and category. Posted to the ledger. */
    PLATFORM,
    /** What one society is owed for the period. The same money seen from the other side: used to reconcile. */
    SOCIETY
}
