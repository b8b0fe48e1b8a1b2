package io.fairshare.payout.domain;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * ISO 4217 currencies and their minor units, from the JDK's currency data: KRW and JPY have 0 decimals, USD
 * and EUR 2, BHD 3. Amounts everywhere in payout are {@code long} minor units; {@link #toDecimal} is the only
 * conversion, used at the edge (the pain.001 file).
 */
public final class Currencies {
    private Currencies() {
    }

    /** True for a known ISO 4217 code with 0 to 3 decimals (not XAU, XXX and the like). */
    public static boolean isSupported(String code) {
        return scaleOf(code) >= 0;
    }

    /** Decimal places of the currency's minor unit, or -1 when unsupported. */
    public static int scaleOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return -1;
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits >= 0 && digits <= 3 ? digits : -1;
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }

    /** The exact decimal amount: {@code 125000 KRW -> 125000}, {@code 123450 USD -> 1234.50}. */
    public static BigDecimal toDecimal(long minorUnits, String code) {
        int scale = scaleOf(code);
        if (scale < 0) {
            throw new IllegalArgumentException("unsupported currency: " + code);
        }
        return BigDecimal.valueOf(minorUnits, scale);
    }
}
