package io.fairshare.settlement.domain.tariff;

import java.math.BigDecimal;

/** A share in basis points: 0..10000, where 10000 is the whole. */
public record BasisPoints(int value) {
    public static final int WHOLE = 10_000;

    public BasisPoints {
        if (value < 0 || value > WHOLE) {
            throw new IllegalArgumentException("basis points must be 0..10000: " + value);
        }
    }

    /** {@code amount * value / 10000}, exactly (a decimal shift, never a rounding). */
    public BigDecimal of(BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(value)).movePointLeft(4);
    }
}
