package io.fairshare.payout.domain.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A balanced set of postings, recorded once and never changed; a correction is a new transaction. The id is
 * chosen by the caller and makes posting idempotent: the posting rules derive it from the source document
 * ({@code statement:<statementId>}, {@code receipt:<platform>/<key>}, {@code payout:<endToEndId>}, ...).
 */
public record LedgerTransaction(String id, SourceRef source, List<Posting> postings) {
    public LedgerTransaction {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a transaction needs an id");
        }
        Objects.requireNonNull(source, "source");
        postings = List.copyOf(postings);
    }

    /** Per currency: debits minus credits. A balanced transaction has only zeros. */
    public Map<String, Long> imbalanceByCurrency() {
        Map<String, Long> imbalance = new TreeMap<>();
        for (Posting p : postings) {
            long signed = p.side() == Side.DEBIT ? p.amount() : -p.amount();
            imbalance.merge(p.currency(), signed, Math::addExact);
        }
        return imbalance;
    }

    public boolean isBalanced() {
        return imbalanceByCurrency().values().stream().allMatch(v -> v == 0L);
    }
}
