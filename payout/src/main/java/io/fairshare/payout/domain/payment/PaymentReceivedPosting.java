package io.fairshare.payout.domain.payment;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.Balances;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The posting rule of money received from a platform (a {@link Receipt}). */
public final class PaymentReceivedPosting {
    private PaymentReceivedPosting() {
    }

    public static String transactionId(Receipt receipt) {
        return "receipt:" + receipt.sourceId();
    }

    /**
     * Dr CLEARING; Cr the platform's open RECEIVABLEs in that currency, oldest period first, each up to its
     * balance; any rest Cr PLATFORM_CREDIT without a period (an overpayment, applied to the platform's next
     * statements).
     */
    public static Result<LedgerTransaction> postingsFor(Receipt receipt, Balances balances) {
        Optional<Rejection> invalid = receipt.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        String ccy = receipt.currency();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.increase(AccountId.clearing(ccy), receipt.amount()));
        long rest = receipt.amount();
        for (AccountId receivable : balances.openAccountsOf(AccountType.RECEIVABLE, receipt.platformId(), ccy)) {
            if (rest == 0) {
                break;
            }
            long applied = Math.min(rest, balances.balance(receivable));
            postings.add(Posting.decrease(receivable, applied));
            rest -= applied;
        }
        if (rest > 0) {
            postings.add(Posting.increase(AccountId.platformCredit(receipt.platformId(), null, ccy), rest));
        }
        return Result.ok(new LedgerTransaction(transactionId(receipt), new SourceRef(SourceKind.RECEIPT, receipt.sourceId()), postings));
    }
}
