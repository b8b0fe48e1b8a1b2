package io.fairshare.contracts.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final CurrencyUnit KRW = CurrencyUnit.KRW;
    private static final CurrencyUnit USD = CurrencyUnit.USD;

    @Test
    void currenciesCarryTheirIsoMinorUnit() {
        assertEquals(Optional.of(new CurrencyUnit("KRW", 0)), CurrencyUnit.of("KRW"));
        assertEquals(Optional.of(new CurrencyUnit("USD", 2)), CurrencyUnit.of("USD"));
        assertEquals(Optional.of(new CurrencyUnit("EUR", 2)), CurrencyUnit.of("EUR"));
        assertEquals(Optional.empty(), CurrencyUnit.of("XXX"));
        assertEquals(Optional.empty(), CurrencyUnit.of("krw"));
        assertEquals(Optional.empty(), CurrencyUnit.of("ABC"));
    }

    @Test
    void amountsAreWrittenWithExactlyTheCurrencysDecimals() {
        assertEquals("1481", Money.ofMinor(1481, KRW).toPlainString());
        assertEquals("12.30", Money.ofMinor(1230, USD).toPlainString());
        assertEquals("0.05", Money.ofMinor(5, USD).toPlainString());
    }

    @Test
    void onlyAmountsThatFitTheMinorUnitAreExact() {
        assertEquals(Optional.of(Money.ofMinor(1230, USD)), Money.ofExact(new BigDecimal("12.3"), USD));
        assertEquals(Optional.empty(), Money.ofExact(new BigDecimal("12.345"), USD));
        assertEquals(Optional.empty(), Money.ofExact(new BigDecimal("0.5"), KRW));
        assertEquals(Optional.of(Money.ofMinor(7, KRW)), Money.ofExact(new BigDecimal("7.000"), KRW));
    }

    @Test
    void arithmeticRefusesMixedCurrenciesAndOverflow() {
        assertEquals(Money.ofMinor(30, KRW), Money.ofMinor(10, KRW).plus(Money.ofMinor(20, KRW)));
        assertEquals(Money.ofMinor(-10, KRW), Money.ofMinor(10, KRW).minus(Money.ofMinor(20, KRW)));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMinor(1, KRW).plus(Money.ofMinor(1, USD)));
        assertThrows(ArithmeticException.class, () -> Money.ofMinor(Long.MAX_VALUE, KRW).plus(Money.ofMinor(1, KRW)));
    }

    @Test
    void allocationSplitsExactlyByLargestRemainder() {
        // 100 over 1:1:1 -> 33.33 each; floors 99, the extra won to the first (ties in order).
        assertEquals(List.of(Money.ofMinor(34, KRW), Money.ofMinor(33, KRW), Money.ofMinor(33, KRW)),
                Money.ofMinor(100, KRW).allocate(List.of(1L, 1L, 1L)));
        // 10 over 3:3:1 -> 4.2857, 4.2857, 1.4286; floors 4 + 4 + 1 = 9; the largest remainder
        // (.4286 against .2857 twice) is the third's -> 4, 4, 2.
        assertEquals(List.of(Money.ofMinor(4, KRW), Money.ofMinor(4, KRW), Money.ofMinor(2, KRW)),
                Money.ofMinor(10, KRW).allocate(List.of(3L, 3L, 1L)));
        // A zero weight gets nothing.
        assertEquals(List.of(Money.ofMinor(5, USD), Money.ofMinor(0, USD)), Money.ofMinor(5, USD).allocate(List.of(1L, 0L)));
    }

    @Test
    void linesAreRoundedToAReachableTotalByLargestRemainder() {
        // 1.5 + 1.5 = 3: floors 1 + 1, one unit missing, equal remainders: the first line gets it.
        List<BigDecimal> exact = List.of(new BigDecimal("1.5"), new BigDecimal("1.5"));
        assertEquals(List.of(2L, 1L), toList(LargestRemainder.round(exact, 3, 0)));
        // 0.25, 0.5, 0.25 cents to a total of 1 cent: the 0.5 has the largest remainder.
        assertEquals(List.of(0L, 1L, 0L), toList(LargestRemainder.round(
                List.of(new BigDecimal("0.0025"), new BigDecimal("0.005"), new BigDecimal("0.0025")), 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.round(exact, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.round(exact, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.round(List.of(new BigDecimal("-1")), -1, 0));
    }

    @Test
    void aWholeIsSplitProRataSoThatThePartsSumToItExactly() {
        // 1 over 1:1:1 at 3 places: 0.333 each, one thousandth missing -> the first part: 0.334.
        BigDecimal[] parts = LargestRemainder.split(BigDecimal.ONE, new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE}, 3);
        assertEquals(List.of(new BigDecimal("0.334"), new BigDecimal("0.333"), new BigDecimal("0.333")), List.of(parts));
        // 100 over weights 0.5 : 0.25 at 0 places: 66.67 and 33.33 -> 67 and 33.
        parts = LargestRemainder.split(new BigDecimal("100"), new BigDecimal[] {new BigDecimal("0.5"), new BigDecimal("0.25")}, 0);
        assertEquals(List.of(new BigDecimal("67"), new BigDecimal("33")), List.of(parts));
        // A whole with more decimals than asked keeps them: 0.0005 over 1:1 at 2 places -> 0.0003 and 0.0002.
        parts = LargestRemainder.split(new BigDecimal("0.0005"), new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE}, 2);
        assertEquals(List.of(new BigDecimal("0.0003"), new BigDecimal("0.0002")), List.of(parts));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(BigDecimal.ONE, new BigDecimal[] {BigDecimal.ZERO}, 0));
    }

    private static List<Long> toList(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
