package io.fairshare.payout.domain.ledger;

import java.util.Collection;
import java.util.Optional;

/**
 * Follow-up rule: a society's recoverable is taken from its open payables (Dr PAYABLE, Cr RECOVERABLE, both
 * oldest period first). Run after every event that can leave a society with both, so in one currency a
 * society never has both a payable and a recoverable.
 */
public final class RecoveryOffset {
    private RecoveryOffset() {
    }

    /** The transaction {@code txId} (source {@code sourceId}) for these societies, or none if nothing matches. */
    public static Optional<LedgerTransaction> postingsFor(Collection<String> societies, String ccy, Balances balances, String txId, String sourceId) {
        return Offsetting.offset(AccountType.RECOVERABLE, AccountType.PAYABLE, SourceKind.RECOVERY_OFFSET,
                societies, ccy, balances, txId, sourceId);
    }
}
