package io.fairshare.payout.domain.reconciliation;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.reconciliation.Sums.Key;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.LineCategory;
import io.fairshare.payout.domain.statement.StatementKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The documents' side of reconciliation: what statements, runs and holdback decisions say, summed per key. */
final class DocumentTotals {
    final Map<String, IssuedStatement> platformStatements = new HashMap<>();
    final Sums societyIssued = new Sums();
    final Sums societyIssuedHeld = new Sums();
    final Sums platformsPayable = new Sums();
    final Sums platformsHeld = new Sums();
    final Sums platformIssued = new Sums();
    final Sums platformUnclaimed = new Sums();
    final Map<String, Payment> payments = new HashMap<>();
    final Sums paid = new Sums();
    final Set<String> releaseIds = new HashSet<>();
    final Sums releasedToSociety = new Sums();
    final Sums releasedToPlatform = new Sums();
    final Sums releasedFromSociety = new Sums();
    final Sums releasedFromUnclaimed = new Sums();
    final Map<String, Receipt> receipts = new HashMap<>();

    DocumentTotals(ReconciliationInput in) {
        for (IssuedStatement s : in.statements()) {
            addStatement(s);
        }
        for (PayoutRun run : in.runs()) {
            for (Payment p : run.payments()) {
                payments.put(p.endToEndId(), p);
                PaymentStatus status = in.paymentStatuses().getOrDefault(p.endToEndId(), PaymentStatus.PLANNED);
                if (!status.isReversed()) {
                    for (PeriodAllocation a : p.allocations()) {
                        paid.add(new Key(a.periodId(), p.societyId(), p.currency()), a.amount());
                    }
                }
            }
        }
        for (HoldbackRelease r : in.releases()) {
            releaseIds.add(r.releaseId());
            AccountId h = r.holdback();
            AccountId target = r.target();
            (target.type() == AccountType.PAYABLE ? releasedToSociety : releasedToPlatform)
                    .add(new Key(target.period(), target.owner(), target.currency()), r.amount());
            (h.type() == AccountType.HOLDBACK_UNCLAIMED ? releasedFromUnclaimed : releasedFromSociety)
                    .add(new Key(h.period(), h.owner(), h.currency()), r.amount());
        }
        in.receipts().forEach(r -> receipts.put(r.sourceId(), r));
    }

    private void addStatement(IssuedStatement s) {
        for (IssuedLine line : s.lines()) {
            String period = s.periodOf(line);
            String ccy = s.currency();
            if (s.kind() == StatementKind.SOCIETY) {
                Key k = new Key(period, s.societyId(), ccy);
                (line.category().isPayable() ? societyIssued : societyIssuedHeld).add(k, line.amount());
            } else {
                platformIssued.add(new Key(period, s.platformId(), ccy), line.amount());
                if (line.category() == LineCategory.UNCLAIMED) {
                    platformUnclaimed.add(new Key(period, s.platformId(), ccy), line.amount());
                } else {
                    Key k = new Key(period, line.societyId(), ccy);
                    (line.category().isPayable() ? platformsPayable : platformsHeld).add(k, line.amount());
                }
            }
        }
        if (s.kind() == StatementKind.PLATFORM) {
            platformStatements.put(s.statementId(), s);
        }
    }

    /** Whether a ledger transaction's source document is on record. */
    boolean knows(SourceRef source) {
        return switch (source.kind()) {
            case STATEMENT -> platformStatements.containsKey(source.id());
            case RECEIPT -> receipts.containsKey(source.id());
            case PAYOUT, PAYMENT_SETTLED, PAYMENT_FAILED, PAYMENT_RETURNED -> payments.containsKey(source.id());
            case HOLDBACK_RELEASE -> releaseIds.contains(source.id());
            case CREDIT_APPLICATION, RECOVERY_OFFSET -> platformStatements.containsKey(source.id()) || payments.containsKey(source.id())
                    || releaseIds.contains(source.id());
        };
    }
}
