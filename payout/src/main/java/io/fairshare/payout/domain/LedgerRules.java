package io.fairshare.payout.domain;

import java.util.Map;
import java.util.Optional;

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
}
