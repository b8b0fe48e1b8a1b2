package io.fairshare.payout.domain.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@link CreditApplication} and {@link RecoveryOffset} share: per owner, one type of open account pays
 * another, both oldest period first, until one side is exhausted.
 */
final class Offsetting {
    private Offsetting() {
    }

    static Optional<LedgerTransaction> offset(AccountType sourceType, AccountType sinkType, SourceKind kind,
            Collection<String> owners, String ccy, Balances balances, String txId, String sourceId) {
        List<Posting> postings = new ArrayList<>();
        for (String owner : new TreeSet<>(owners)) {
            match(balances.openAccountsOf(sourceType, owner, ccy), balances.openAccountsOf(sinkType, owner, ccy), balances, postings);
        }
        return postings.isEmpty() ? Optional.empty()
                : Optional.of(new LedgerTransaction(txId, new SourceRef(kind, sourceId), postings));
    }

    /** Lowers both sides first-in first-out until one side is exhausted. */
    private static void match(List<AccountId> sources, List<AccountId> sinks, Balances balances, List<Posting> out) {
        int i = 0;
        int j = 0;
        long sourceLeft = sources.isEmpty() ? 0 : balances.balance(sources.get(0));
        long sinkLeft = sinks.isEmpty() ? 0 : balances.balance(sinks.get(0));
        while (i < sources.size() && j < sinks.size()) {
            long amount = Math.min(sourceLeft, sinkLeft);
            out.add(Posting.decrease(sources.get(i), amount));
            out.add(Posting.decrease(sinks.get(j), amount));
            sourceLeft -= amount;
            sinkLeft -= amount;
            if (sourceLeft == 0 && ++i < sources.size()) {
                sourceLeft = balances.balance(sources.get(i));
            }
            if (sinkLeft == 0 && ++j < sinks.size()) {
                sinkLeft = balances.balance(sinks.get(j));
            }
        }
    }
}
