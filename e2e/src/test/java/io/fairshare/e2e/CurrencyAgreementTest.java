package io.fairshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.LineCategory;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Settlement and payout agree on every ISO 4217 currency: settlement issues an amount in whole minor
 * units of the currency's scale, payout accepts a statement in exactly the currencies settlement can
 * issue in, and turns the minor units back into the same decimal for the pain.001 file.
 */
class CurrencyAgreementTest {
    @Test
    void anAmountSettledInAnyCurrencyIsPaidToTheLastMinorUnit() {
        int settled = 0;
        for (Currency c : Currency.getAvailableCurrencies()) {
            String code = c.getCurrencyCode();
            Optional<CurrencyUnit> unit = CurrencyUnit.of(code);
            IssuedStatement statement = IssuedStatement.society("2026-11/society/S1", "2026-11", "S1", code,
                    List.of(IssuedLine.of("S1", LineCategory.LICENSED, 1)));
            assertEquals(unit.isPresent(), statement.validate().isEmpty(),
                    code + ": payout must accept a statement exactly when settlement can issue in its currency");
            if (unit.isEmpty()) {
                continue;
            }
            BigDecimal smallest = BigDecimal.ONE.movePointLeft(unit.get().scale());
            BigDecimal amount = new BigDecimal("1234567").add(smallest);
            Money money = Money.ofExact(amount, unit.get()).orElseThrow(() -> new AssertionError(code + ": settlement refused " + amount));
            assertEquals(amount, unit.get().toDecimal(money.minor()), code);
            assertTrue(Money.ofExact(smallest.movePointLeft(1), unit.get()).isEmpty(), code + ": settlement must not issue below the minor unit");
            settled++;
        }
        assertTrue(settled > 150, "the JDK knows ISO 4217's currencies: " + settled);
    }
}
