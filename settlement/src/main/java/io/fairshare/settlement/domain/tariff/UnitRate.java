package io.fairshare.settlement.domain.tariff;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;

/**
 * A rate per unit: {@code amount} (in the tariff's currency, up to 12 decimal places, so finer than
 * the currency) for every {@code per} units of {@code unitKind} used as {@code usageType}. KRW 1.2 per
 * 1,000 tokens of pre-training is {@code (PRE_TRAINING, TOKENS, 1.2, 1000)}. {@code per} is a product
 * of 2s and 5s (1, 1000, 1024, 1048576, 10^6 ...), so the price of one unit is an exact decimal.
 */
public record UnitRate(UsageType usageType, UnitKind unitKind, BigDecimal amount, long per) {
    /** The exact price of one unit, {@code amount / per}; valid rates only (see {@link TariffValidator}). */
    public BigDecimal perUnit() {
        return amount.divide(BigDecimal.valueOf(per));
    }

    /** Whether {@code per} is positive and has no prime factor but 2 and 5. */
    public static boolean isDecimalDivisor(long per) {
        if (per <= 0) {
            return false;
        }
        while (per % 2 == 0) {
            per /= 2;
        }
        while (per % 5 == 0) {
            per /= 5;
        }
        return per == 1;
    }
}
