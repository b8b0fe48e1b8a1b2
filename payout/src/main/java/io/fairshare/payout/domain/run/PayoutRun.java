package io.fairshare.payout.domain.run;

import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentPosting;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A planned payout run: its payments (one per society and currency whose payable reached the threshold) and
 * what it carried forward. Immutable once planned; planning the same run id again returns it unchanged.
 */
public record PayoutRun(String runId, LocalDate valueDate, Instant createdAt, List<Payment> payments, List<CarriedForward> carriedForward) {
    public PayoutRun {
        payments = List.copyOf(payments);
        carriedForward = List.copyOf(carriedForward);
    }

    /** Sum of the payments in each currency. */
    public Map<String, Long> totalsByCurrency() {
        Map<String, Long> totals = new TreeMap<>();
        payments.forEach(p -> totals.merge(p.currency(), p.amount(), Math::addExact));
        return totals;
    }

    /** The run's posting rule: one transaction per payment, in the run's order (see {@link PaymentPosting}). */
    public List<LedgerTransaction> postings() {
        return payments.stream().map(PaymentPosting::postingsFor).toList();
    }

    public Optional<Payment> payment(String endToEndId) {
        return payments.stream().filter(p -> p.endToEndId().equals(endToEndId)).findFirst();
    }

    /** Whether this run was planned from the same request (same value date and creation time). */
    public boolean matches(PayoutRequest request) {
        return runId.equals(request.runId()) && valueDate.equals(request.valueDate()) && createdAt.equals(request.createdAt());
    }
}
