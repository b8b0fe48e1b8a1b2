package io.fairshare.payout.domain.ledger;

import java.util.EnumSet;
import java.util.Set;

/** What caused a ledger transaction, and which account types such a transaction may touch. */
public enum SourceKind {
    /** An issued PLATFORM statement. Source id: the statement id. */
    STATEMENT(EnumSet.of(AccountType.RECEIVABLE, AccountType.PLATFORM_CREDIT, AccountType.PAYABLE, AccountType.RECOVERABLE,
            AccountType.HOLDBACK_UNCLAIMED, AccountType.HOLDBACK_DISPUTED, AccountType.HOLDBACK_RESERVED)),
    /** A platform's credit applied to its open receivables. Source id: the statement or release that caused it. */
    CREDIT_APPLICATION(EnumSet.of(AccountType.PLATFORM_CREDIT, AccountType.RECEIVABLE)),
    /** A society's recoverable offset against its payables. Source id: the statement, payment or release that caused it. */
    RECOVERY_OFFSET(EnumSet.of(AccountType.PAYABLE, AccountType.RECOVERABLE)),
    /** Money received from a platform. Source id: {@code platformId/idempotencyKey}. */
    RECEIPT(EnumSet.of(AccountType.CLEARING, AccountType.RECEIVABLE, AccountType.PLATFORM_CREDIT)),
    /** A payment of a payout run. Source id: the payment's end-to-end id. */
    PAYOUT(EnumSet.of(AccountType.PAYABLE, AccountType.IN_TRANSIT)),
    /** The bank settled a payment. Source id: the end-to-end id. */
    PAYMENT_SETTLED(EnumSet.of(AccountType.IN_TRANSIT, AccountType.CLEARING)),
    /** The bank failed a sent payment. Source id: the end-to-end id. */
    PAYMENT_FAILED(EnumSet.of(AccountType.IN_TRANSIT, AccountType.PAYABLE)),
    /** A settled payment came back. Source id: the end-to-end id. */
    PAYMENT_RETURNED(EnumSet.of(AccountType.CLEARING, AccountType.PAYABLE)),
    /** A holdback decided. Source id: the release id. */
    HOLDBACK_RELEASE(EnumSet.of(AccountType.HOLDBACK_UNCLAIMED, AccountType.HOLDBACK_DISPUTED, AccountType.HOLDBACK_RESERVED,
            AccountType.PAYABLE, AccountType.PLATFORM_CREDIT));

    private final Set<AccountType> touches;

    SourceKind(Set<AccountType> touches) {
        this.touches = touches;
    }

    /** Whether a transaction of this kind may post to an account of that type. */
    public boolean mayTouch(AccountType type) {
        return touches.contains(type);
    }
}
