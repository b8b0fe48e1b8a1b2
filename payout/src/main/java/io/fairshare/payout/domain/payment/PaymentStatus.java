package io.fairshare.payout.domain.payment;

/** Where a payment stands with the bank. Transitions are guarded by {@link PaymentStatusMachine}. */
public enum PaymentStatus {
    /** In a run and posted (payable moved to in-transit); the file is not yet with the bank. */
    PLANNED,
    /** The file is with the bank. */
    SENT,
    /** The bank settled the payment: cash left the clearing account. */
    SETTLED,
    /** The bank could not execute the payment. Final: the payable is restored and a later run pays it. */
    FAILED,
    /** The settled payment came back. Final: the payable is restored and a later run pays it. */
    RETURNED;

    /** True when the payment has been reversed into the society's payable. */
    public boolean isReversed() {
        return this == FAILED || this == RETURNED;
    }
}
