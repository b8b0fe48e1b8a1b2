package io.fairshare.contracts.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * A currency Fairshare settles and pays in: its ISO 4217 code and the number of decimal places of its
 * minor unit ({@code scale}), KRW 0, USD and EUR 2, BHD 3, CLF 4. The one source of minor units for
 * every service: settlement prices and rounds to {@code scale}, statements carry whole minor units
 * ({@code amountMinor}), payout books them and writes them back as decimals into pain.001 (whose
 * amounts take up to 5 fraction digits, so every ISO 4217 minor unit fits).
 *
 * <p>The table is ISO 4217 as the JDK ships it ({@link Currency#getDefaultFractionDigits()}); a code
 * without a minor unit (XAU, XDR, XXX: the JDK says -1) is not a settlement currency.
 */
public record CurrencyUnit(String code, int scale) {
    public static final CurrencyUnit KRW = new CurrencyUnit("KRW", 0);
    public static final CurrencyUnit USD = new CurrencyUnit("USD", 2);
    public static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);

    /** The largest minor unit ISO 4217 has (CLF, UYW). */
    public static final int MAX_SCALE = 4;

    public CurrencyUnit {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency code must be three upper-case letters: " + code);
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("currency scale must be 0.." + MAX_SCALE + ": " + scale);
        }
    }

    /** The currency of an ISO 4217 code; empty for an unknown code or one without a minor unit. */
    public static Optional<CurrencyUnit> of(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 || digits > MAX_SCALE ? Optional.empty() : Optional.of(new CurrencyUnit(code, digits));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Whether {@code code} is a settlement currency ({@link #of} is not empty). */
    public static boolean isSupported(String code) {
        return of(code).isPresent();
    }

    /** The currency of {@code code}; {@link IllegalArgumentException} when it is not a settlement currency. */
    public static CurrencyUnit require(String code) {
        return of(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 4217 currency with a minor unit: " + code));
    }

    /** The exact decimal of a whole number of minor units: {@code 125000 KRW -> 125000}, {@code 123450 USD -> 1234.50}. */
    public BigDecimal toDecimal(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, scale);
    }
}
