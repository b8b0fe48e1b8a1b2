package io.fairshare.settlement.domain;

import java.util.Optional;

/**
 * A settlement currency: its ISO 4217 code and how many decimal places its minor unit has
 * ({@code scale}): KRW 0, USD and EUR 2. Amounts are exact multiples of {@code 10^-scale}.
 */
public record CurrencyUnit(String code, int scale) {
    public static final CurrencyUnit KRW = new CurrencyUnit("KRW", 0);
    public static final CurrencyUnit USD = new CurrencyUnit("USD", 2);
    public static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);

    public CurrencyUnit {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency code must be three upper-case letters: " + code);
        }
        if (scale < 0 || scale > 4) {
            throw new IllegalArgumentException("currency scale must be 0..4: " + scale);
        }
    }

    /**
     * The currency for an ISO 4217 code, with the JDK's default fraction digits; empty for an unknown
     * code or one without a minor unit (XAU, XXX).
     */
    public static Optional<CurrencyUnit> of(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            int digits = java.util.Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 || digits > 4 ? Optional.empty() : Optional.of(new CurrencyUnit(code, digits));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
