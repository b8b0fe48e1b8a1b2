package io.fairshare.payout.domain.run;

/** A society's payable balance that a run did not pay, and why. It stays in the payable for a later run. */
public record CarriedForward(String societyId, String currency, long amount, Reason reason, long threshold) {
    public enum Reason {
        /** The balance is below the society's minimum payout. */
        BELOW_THRESHOLD,
        /** No bank details are registered for the society. */
        NO_BANK_DETAILS,
        /** The registered bank details fail validation. */
        INVALID_BANK_DETAILS
    }
}
