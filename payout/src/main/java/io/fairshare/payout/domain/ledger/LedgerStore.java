package io.fairshare.payout.domain.ledger;

import io.fairshare.payout.domain.outcome.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * The ledger as the use cases see it. {@link Ledger} is the in-memory reference implementation; a
 * PostgreSQL one must keep the same contract, and the tests' invariants apply to both.
 */
public interface LedgerStore extends Balances {
    /**
     * Records the transactions atomically, in order: all of them or none. A transaction whose id is already
     * recorded with identical content is skipped; with different content the batch is refused
     * ({@link ErrorCode#TRANSACTION_ID_CONFLICT}). Each transaction must be balanced per currency, have only
     * positive amounts, and leave no account that must not go negative below zero.
     */
    PostResult postAll(List<LedgerTransaction> transactions);

    default PostResult post(LedgerTransaction transaction) {
        return postAll(List.of(transaction));
    }

    boolean contains(String transactionId);

    Optional<LedgerTransaction> transaction(String transactionId);

    /** Every recorded transaction, in the order recorded. */
    List<LedgerTransaction> journal();
}
