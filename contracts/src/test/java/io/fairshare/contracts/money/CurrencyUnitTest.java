package io.fairshare.contracts.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurrencyUnitTest {
    @Test
    void minorUnitsAreIso4217s() {
        assertEquals(Optional.of(CurrencyUnit.KRW), CurrencyUnit.of("KRW"));
        assertEquals(0, CurrencyUnit.require("JPY").scale());
        assertEquals(2, CurrencyUnit.require("USD").scale());
        assertEquals(3, CurrencyUnit.require("BHD").scale());
        assertEquals(4, CurrencyUnit.require("CLF").scale());
    }

    @Test
    void codesWithoutAMinorUnitOrUnknownAreNotSettlementCurrencies() {
        for (String code : new String[] {"XAU", "XDR", "XXX", "ZZZ", "krw", "KR", "", null}) {
            assertFalse(CurrencyUnit.isSupported(code), String.valueOf(code));
        }
        assertThrows(IllegalArgumentException.class, () -> CurrencyUnit.require("XAU"));
        assertThrows(IllegalArgumentException.class, () -> new CurrencyUnit("USD", 5));
        assertTrue(CurrencyUnit.isSupported("EUR"));
    }

    @Test
    void minorUnitsBecomeExactDecimals() {
        assertEquals(new BigDecimal("125000"), CurrencyUnit.KRW.toDecimal(125_000));
        assertEquals(new BigDecimal("1234.50"), CurrencyUnit.USD.toDecimal(123_450));
        assertEquals(new BigDecimal("-0.001"), CurrencyUnit.require("BHD").toDecimal(-1));
    }
}
