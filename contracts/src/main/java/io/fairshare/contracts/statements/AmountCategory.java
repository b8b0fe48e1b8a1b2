package io.fairshare.contracts.statements;

/**
 * Where an amount of a statement comes from, for payout.
 * LICENSED, UNLICENSED and RESERVED_PENALTY are owed to the payee (current-period lines and
 * adjustments alike); UNCLAIMED and DISPUTED are held back by the platform.
 */
public enum AmountCategory {
    /** Usage under a licence. */
    LICENSED,
    /** Usage without a licence, priced with the statutory tariff. */
    UNLICENSED,
    /** RESERVED (opted-out) usage at the penalty rate. */
    RESERVED_PENALTY,
    /** Shares without a known rights holder: the platform's UNCLAIMED holdback. */
    UNCLAIMED,
    /** Disputed shares: the platform's disputed holdback; on a payee's statement outside its total. */
    DISPUTED
}
