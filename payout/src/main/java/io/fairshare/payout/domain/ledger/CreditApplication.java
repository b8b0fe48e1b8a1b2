package io.fairshare.payout.domain.ledger;

import java.util.Collection;
import java.util.Optional;

/**
 * Follow-up rule: a platform's credit pays its open receivables (Dr PLATFORM_CREDIT, unallocated first, then
 * oldest period; Cr RECEIVABLE, oldest period first). Run after every event that can leave a platform with
 * both, so in one currency a platform never has both an open receivable and a credit.
 */
public final class CreditApplication {
    private CreditApplication() {
    }

    /** The transaction {@code txId} (source {@code sourceId}) for these platforms, or none if nothing matches. */
    public static Optional<LedgerTransaction> postingsFor(Collection<String> platforms, String ccy, Balances balances, String txId, String sourceId) {
        return Offsetting.offset(AccountType.PLATFORM_CREDIT, AccountType.RECEIVABLE, SourceKind.CREDIT_APPLICATION,
                platforms, ccy, balances, txId, sourceId);
    }
}
