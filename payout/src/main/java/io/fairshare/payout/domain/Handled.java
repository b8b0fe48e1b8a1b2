package io.fairshare.payout.domain;

import io.fairshare.payout.domain.ledger.LedgerTransaction;
import java.util.List;

/** What a use case did with an accepted event, and the transactions it posted (none for a duplicate). */
public record Handled(Outcome outcome, List<LedgerTransaction> transactions) {
    public enum Outcome {
        /** New transactions were posted. */
        POSTED,
        /** Recorded without postings: a SOCIETY statement, a statement that nets to zero, a status SENT. */
        RECORDED,
        /** Seen before with identical content: nothing changed. */
        DUPLICATE
    }

    public Handled {
        transactions = List.copyOf(transactions);
    }

    static Handled duplicate() {
        return new Handled(Outcome.DUPLICATE, List.of());
    }

    static Handled recorded() {
        return new Handled(Outcome.RECORDED, List.of());
    }
}
