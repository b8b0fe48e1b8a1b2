package io.fairshare.payout.domain.reconciliation;

import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.util.List;
import java.util.Map;

/** Everything reconciliation compares: the ledger's journal and the documents payout recorded. */
public record ReconciliationInput(
        List<LedgerTransaction> journal,
        List<IssuedStatement> statements,
        List<Receipt> receipts,
        List<PayoutRun> runs,
        Map<String, PaymentStatus> paymentStatuses,
        List<HoldbackRelease> releases) {
    public ReconciliationInput {
        journal = List.copyOf(journal);
        statements = List.copyOf(statements);
        receipts = List.copyOf(receipts);
        runs = List.copyOf(runs);
        paymentStatuses = Map.copyOf(paymentStatuses);
        releases = List.copyOf(releases);
    }
}
