package io.fairshare.payout.domain.ledger;

/**
 * The kinds of account in the payout ledger, each with its normal balance (the side that increases it)
 * and whether its balance may ever go below zero.
 *
 * <p>Assets (debit-normal): {@link #RECEIVABLE}, {@link #RECOVERABLE}, {@link #CLEARING}. Liabilities
 * (credit-normal): everything else. Only {@link #CLEARING} (the bank account) may go negative: payables are
 * owed from the day a statement is issued, so a run may pay before a platform has paid (see the README).
 */
public enum AccountType {
    /** What a platform owes for one period. Owner: platform; period required. */
    RECEIVABLE(Side.DEBIT, OwnerKind.PLATFORM, PeriodRule.REQUIRED, false),
    /** Money owed back to a platform: overpayments (no period) and credit notes beyond what was open (period). */
    PLATFORM_CREDIT(Side.CREDIT, OwnerKind.PLATFORM, PeriodRule.OPTIONAL, false),
    /** What is owed to a society for one period and not yet paid. Owner: society; period required. */
    PAYABLE(Side.CREDIT, OwnerKind.SOCIETY, PeriodRule.REQUIRED, false),
    /** What a society owes back: a credit note larger than its open payable. Offset against its next payables. */
    RECOVERABLE(Side.DEBIT, OwnerKind.SOCIETY, PeriodRule.REQUIRED, false),
    /** Money for shares with no known rights holder, held until a claim. Owner: platform it came from. */
    HOLDBACK_UNCLAIMED(Side.CREDIT, OwnerKind.PLATFORM, PeriodRule.REQUIRED, false),
    /** A society's disputed lines, held until the dispute is decided. */
    HOLDBACK_DISPUTED(Side.CREDIT, OwnerKind.SOCIETY, PeriodRule.REQUIRED, false),
    /** Penalties for using reserved (opted-out) works, held until a decision. */
    HOLDBACK_RESERVED(Side.CREDIT, OwnerKind.SOCIETY, PeriodRule.REQUIRED, false),
    /** Payments instructed to the bank, not yet settled. Owner: society; no period. */
    IN_TRANSIT(Side.CREDIT, OwnerKind.SOCIETY, PeriodRule.NONE, false),
    /** The clearing bank account (cash). Owner: {@link AccountId#BANK}; no period. */
    CLEARING(Side.DEBIT, OwnerKind.BANK, PeriodRule.NONE, true);

    /** Who owns an account of this type. */
    public enum OwnerKind {
        PLATFORM,
        SOCIETY,
        BANK
    }

    /** Whether an account of this type carries a period. */
    public enum PeriodRule {
        REQUIRED,
        OPTIONAL,
        NONE
    }

    private final Side normalBalance;
    private final OwnerKind ownerKind;
    private final PeriodRule periodRule;
    private final boolean mayGoNegative;

    AccountType(Side normalBalance, OwnerKind ownerKind, PeriodRule periodRule, boolean mayGoNegative) {
        this.normalBalance = normalBalance;
        this.ownerKind = ownerKind;
        this.periodRule = periodRule;
        this.mayGoNegative = mayGoNegative;
    }

    /** The side that increases the balance. */
    public Side normalBalance() {
        return normalBalance;
    }

    public OwnerKind ownerKind() {
        return ownerKind;
    }

    public PeriodRule periodRule() {
        return periodRule;
    }

    public boolean mayGoNegative() {
        return mayGoNegative;
    }

    public boolean isHoldback() {
        return this == HOLDBACK_UNCLAIMED || this == HOLDBACK_DISPUTED || this == HOLDBACK_RESERVED;
    }
}
