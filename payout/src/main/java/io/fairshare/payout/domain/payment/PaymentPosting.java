package io.fairshare.payout.domain.payment;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import java.util.ArrayList;
import java.util.List;

/** The posting rule of a planned payment being paid out (one transaction per payment of a run). */
public final class PaymentPosting {
    private PaymentPosting() {
    }

    public static String transactionId(String endToEndId) {
        return "payout:" + endToEndId;
    }

    /** A payment leaves the payable: Dr PAYABLE per allocated period, Cr IN_TRANSIT of the society. */
    public static LedgerTransaction postingsFor(Payment payment) {
        List<Posting> postings = new ArrayList<>();
        for (PeriodAllocation a : payment.allocations()) {
            postings.add(Posting.decrease(AccountId.payable(payment.societyId(), a.periodId(), payment.currency()), a.amount()));
        }
        postings.add(Posting.increase(AccountId.inTransit(payment.societyId(), payment.currency()), payment.amount()));
        return new LedgerTransaction(transactionId(payment.endToEndId()), new SourceRef(SourceKind.PAYOUT, payment.endToEndId()), postings);
    }
}
