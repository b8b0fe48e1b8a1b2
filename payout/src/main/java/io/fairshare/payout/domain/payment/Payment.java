package io.fairshare.payout.domain.payment;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import java.util.List;

/**
 * One credit transfer of a payout run: a society's whole payable balance in one currency, split by period
 * ({@code allocations}, oldest first). {@code statementIds} are the society statements of those periods, for
 * the remittance information.
 */
public record Payment(
        String endToEndId,
        String runId,
        String societyId,
        String currency,
        long amount,
        List<PeriodAllocation> allocations,
        BankDetails creditor,
        List<String> statementIds) {

    public Payment {
        allocations = List.copyOf(allocations);
        statementIds = List.copyOf(statementIds);
        long sum = 0;
        for (PeriodAllocation a : allocations) {
            if (a.amount() <= 0) {
                throw new IllegalArgumentException("an allocation is positive: " + a);
            }
            sum = Math.addExact(sum, a.amount());
        }
        if (amount <= 0 || sum != amount) {
            throw new IllegalArgumentException("payment " + endToEndId + " amount " + amount + " differs from its allocations " + sum);
        }
    }

    /** The amount as exact money in its currency. */
    public Money money() {
        return Money.ofMinor(amount, CurrencyUnit.require(currency));
    }

    /** The periods this payment pays, oldest first. */
    public List<String> periods() {
        return allocations.stream().map(PeriodAllocation::periodId).toList();
    }
}
