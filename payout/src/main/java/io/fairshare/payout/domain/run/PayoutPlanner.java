package io.fairshare.payout.domain.run;

import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.Balances;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.EndToEndIds;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.statement.SocietyPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans a payout run from the ledger's payable balances. Pure: the same inputs give the same run.
 *
 * <p>For every society and currency with a positive payable: the payment is the whole payable, all periods,
 * oldest first. It is paid when it reaches the society's threshold and the society has valid bank details;
 * otherwise it is carried forward (it stays in the payable, and a later run looks at it again).
 */
public final class PayoutPlanner {
    private PayoutPlanner() {
    }

    public static Result<PayoutRun> plan(
            PayoutRequest request,
            Balances balances,
            Map<String, BankDetails> bankDetails,
            PayoutThresholds thresholds,
            Map<SocietyPeriod, List<String>> societyStatements) {
        Optional<Rejection> invalid = request.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        // society -> currency -> open payable accounts, oldest first
        Map<String, Map<String, List<AccountId>>> open = new TreeMap<>();
        for (AccountId account : balances.accounts(AccountType.PAYABLE)) {
            if (balances.balance(account) > 0) {
                open.computeIfAbsent(account.owner(), s -> new TreeMap<>())
                        .computeIfAbsent(account.currency(), c -> new ArrayList<>())
                        .add(account);
            }
        }
        List<Payment> payments = new ArrayList<>();
        List<CarriedForward> carried = new ArrayList<>();
        open.forEach((society, byCurrency) -> byCurrency.forEach((currency, accounts) -> {
            accounts.sort(AccountId.OLDEST_FIRST);
            List<PeriodAllocation> allocations = new ArrayList<>();
            long total = 0;
            for (AccountId a : accounts) {
                long amount = balances.balance(a);
                allocations.add(new PeriodAllocation(a.period(), amount));
                total = Math.addExact(total, amount);
            }
            long threshold = thresholds.thresholdFor(society, currency);
            BankDetails bank = bankDetails.get(society);
            if (total < threshold) {
                carried.add(new CarriedForward(society, currency, total, CarriedForward.Reason.BELOW_THRESHOLD, threshold));
            } else if (bank == null) {
                carried.add(new CarriedForward(society, currency, total, CarriedForward.Reason.NO_BANK_DETAILS, threshold));
            } else if (bank.validate().isPresent()) {
                carried.add(new CarriedForward(society, currency, total, CarriedForward.Reason.INVALID_BANK_DETAILS, threshold));
            } else {
                List<String> statements = new ArrayList<>();
                for (PeriodAllocation a : allocations) {
                    for (String id : societyStatements.getOrDefault(new SocietyPeriod(society, a.periodId()), List.of())) {
                        if (!statements.contains(id)) {
                            statements.add(id);
                        }
                    }
                }
                payments.add(new Payment(EndToEndIds.of(request.runId(), society, currency), request.runId(), society, currency,
                        total, allocations, bank, statements));
            }
        }));
        return Result.ok(new PayoutRun(request.runId(), request.valueDate(), request.createdAt(), payments, carried));
    }
}
