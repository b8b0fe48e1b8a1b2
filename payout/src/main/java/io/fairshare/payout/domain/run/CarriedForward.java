package io.fairshare.payout.domain.run;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;

/** A society's payable balance that a run did not pay, and why. It stays in the payable for a later run. */
public record CarriedForward(String societyId, String currency, long amount, Reason reason, long threshold) {
    /** The amount carried forward as exact money. */
    public Money money() {
        return Money.ofMinor(amount, CurrencyUnit.require(currency));
    }

    /** The threshold it was compared with, as exact money. */
    public Money thresholdMoney() {
        return Money.ofMinor(threshold, CurrencyUnit.require(currency));
    }

    public enum Reason {
        /** The balance is below the society's minimum payout. */
        BELOW_THRESHOLD,
        /** No bank details are registered for the society. */
        NO_BANK_DETAILS,
        /** The registered bank details fail validation. */
        INVALID_BANK_DETAILS
    }
}
