package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.period.PeriodCalendar;

import io.fairshare.contracts.money.CurrencyUnit;
import java.math.RoundingMode;

/**
 * The scheme's settlement settings.
 *
 * @param currency      the one currency a close settles in (tariffs and declarations must match it)
 * @param totalRounding how the exact total of a (platform, payee) group is rounded to the minor unit:
 *                      {@link RoundingMode#HALF_UP} (default; what a person checking by hand expects)
 *                      or {@link RoundingMode#HALF_EVEN}
 * @param calendar      period length and time zone
 */
public record SettlementConfig(CurrencyUnit currency, RoundingMode totalRounding, PeriodCalendar calendar) {
    public SettlementConfig {
        if (currency == null || calendar == null) {
            throw new IllegalArgumentException("currency and calendar are required");
        }
        if (totalRounding != RoundingMode.HALF_UP && totalRounding != RoundingMode.HALF_EVEN) {
            throw new IllegalArgumentException("totalRounding must be HALF_UP or HALF_EVEN, was " + totalRounding);
        }
    }

    /** KRW, half-up, monthly periods in Asia/Seoul. */
    public static SettlementConfig defaults() {
        return new SettlementConfig(CurrencyUnit.KRW, RoundingMode.HALF_UP, PeriodCalendar.defaults());
    }
}
