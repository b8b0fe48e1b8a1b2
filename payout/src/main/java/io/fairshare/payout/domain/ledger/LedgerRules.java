package io.fairshare.payout.domain.ledger;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The shape rules every transaction must meet, whoever stores it. */
public final class LedgerRules {
    private LedgerRules() {
    }

    /** Empty when the transaction is well formed: postings present, amounts positive, balanced per currency. */
    public static Optional<Rejection> checkShape(LedgerTransaction tx) {
        if (tx.postings().isEmpty()) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_TRANSACTION, "transaction " + tx.id() + " has no postings"));
        }
        for (Posting p : tx.postings()) {
            if (p.amount() <= 0) {
                return Optional.of(Rejection.of(ErrorCode.NON_POSITIVE_AMOUNT,
                        "transaction " + tx.id() + ": posting amounts must be positive, got " + p));
            }
        }
        for (Map.Entry<String, Long> e : tx.imbalanceByCurrency().entrySet()) {
            if (e.getValue() != 0L) {
                return Optional.of(Rejection.of(ErrorCode.TRANSACTION_UNBALANCED,
                        "transaction " + tx.id() + ": debits and credits in " + e.getKey() + " differ by " + e.getValue()));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks a batch as a whole against what is recorded, before anything is written: {@link PostResult.Refused} with the
     * first reason (a repeated id, an id recorded with other content, a malformed transaction, a balance that would go
     * negative), {@link PostResult.AlreadyPosted} when every transaction is recorded already, else
     * {@link PostResult.Posted} naming the transactions the store must now record, in order.
     *
     * @param recorded the transaction already recorded under an id, if any
     * @param balances the balances as recorded
     */
    public static PostResult checkBatch(List<LedgerTransaction> transactions, Function<String, Optional<LedgerTransaction>> recorded,
                                        Balances balances) {
        if (transactions.isEmpty()) {
            return refuse(ErrorCode.INVALID_TRANSACTION, "nothing to post");
        }
        List<LedgerTransaction> fresh = new ArrayList<>();
        List<String> present = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        Map<AccountId, Long> next = new HashMap<>();
        for (LedgerTransaction tx : transactions) {
            if (!idsInBatch.add(tx.id())) {
                return refuse(ErrorCode.TRANSACTION_ID_CONFLICT, "batch repeats transaction id " + tx.id());
            }
            Optional<LedgerTransaction> existing = recorded.apply(tx.id());
            if (existing.isPresent()) {
                if (!existing.get().equals(tx)) {
                    return refuse(ErrorCode.TRANSACTION_ID_CONFLICT, "transaction " + tx.id() + " is already recorded with different content");
                }
                present.add(tx.id());
                continue;
            }
            Optional<Rejection> malformed = checkShape(tx);
            if (malformed.isPresent()) {
                return new PostResult.Refused(malformed.get());
            }
            for (Posting p : tx.postings()) {
                next.merge(p.account(), p.balanceEffect(), Math::addExact);
            }
            for (Posting p : tx.postings()) {
                AccountId a = p.account();
                long after = Math.addExact(balances.balance(a), next.get(a));
                if (after < 0 && !a.type().mayGoNegative()) {
                    return refuse(ErrorCode.NEGATIVE_BALANCE, "transaction " + tx.id() + " would take " + a + " to " + after);
                }
            }
            fresh.add(tx);
        }
        return fresh.isEmpty() ? new PostResult.AlreadyPosted(present) : new PostResult.Posted(fresh, present);
    }

    private static PostResult refuse(ErrorCode code, String message) {
        return new PostResult.Refused(Rejection.of(code, message));
    }
}
