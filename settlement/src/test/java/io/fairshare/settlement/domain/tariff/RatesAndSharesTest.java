package io.fairshare.settlement.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rates and shares are exact decimals: a rate per unit only for divisors of a power of ten, shares in basis points. */
class RatesAndSharesTest {
    @Test
    void aRatePerUnitIsAnExactDecimalOnlyForPowersOfTwoAndFive() {
        assertTrue(UnitRate.isDecimalDivisor(1));
        assertTrue(UnitRate.isDecimalDivisor(1000));
        assertTrue(UnitRate.isDecimalDivisor(1_048_576));
        assertEquals(false, UnitRate.isDecimalDivisor(3));
        assertEquals(false, UnitRate.isDecimalDivisor(0));
        assertEquals(new BigDecimal("0.0012"), new UnitRate(null, null, new BigDecimal("1.2"), 1000).perUnit());
    }

    @Test
    void basisPointsAreExactShares() {
        assertEquals(0, new BigDecimal("150000.15").compareTo(new BasisPoints(1500).of(new BigDecimal("1000001"))));
        assertThrows(IllegalArgumentException.class, () -> new BasisPoints(10_001));
        assertThrows(IllegalArgumentException.class, () -> new BasisPoints(-1));
    }
}
