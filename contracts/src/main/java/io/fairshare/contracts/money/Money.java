package io.fairshare.contracts.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An exact amount of money: a whole number of minor units (won, cents) in one currency. Every
 * issued amount is a {@code Money}; amounts at full precision, before rounding, are {@code BigDecimal}s.
 * Arithmetic overflows loudly rather than wrapping.
 */
public record Money(long minor, CurrencyUnit currency) implements Comparable<Money> {
    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
    }

    public static Money zero(CurrencyUnit currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minor, CurrencyUnit currency) {
        return new Money(minor, currency);
    }

    /** The amount if {@code decimal} has no more decimal places than the currency allows. */
    public static Optional<Money> ofExact(BigDecimal decimal, CurrencyUnit currency) {
        if (decimal == null) {
            return Optional.empty();
        }
        try {
            BigDecimal scaled = decimal.setScale(currency.scale());
            return Optional.of(new Money(scaled.unscaledValue().longValueExact(), currency));
        } catch (ArithmeticException notExact) {
            return Optional.empty();
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, currency.scale());
    }

    /** Exactly {@code scale} decimal places, no exponent, no grouping: {@code 1481}, {@code 12.30}. */
    public String toPlainString() {
        return toDecimal().toPlainString();
    }

    /**
     * Splits this amount over {@code weights} (non-negative, not all zero) so that the parts sum to
     * this amount exactly, by the largest-remainder method; see {@link LargestRemainder}. A part
     * whose weight is zero gets nothing.
     */
    public List<Money> allocate(List<Long> weights) {
        if (minor < 0) {
            throw new IllegalArgumentException("only non-negative amounts are allocated");
        }
        BigDecimal[] w = new BigDecimal[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = BigDecimal.valueOf(weights.get(i));
        }
        BigDecimal[] parts = LargestRemainder.split(toDecimal(), w, currency.scale());
        List<Money> result = new ArrayList<>(parts.length);
        for (BigDecimal p : parts) {
            result.add(new Money(p.unscaledValue().longValueExact(), currency));
        }
        return result;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency.code() + " and " + other.currency.code());
        }
    }

    @Override
    public String toString() {
        return currency.code() + " " + toPlainString();
    }
}
