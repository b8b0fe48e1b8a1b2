package io.fairshare.payout.domain.ledger;

import io.fairshare.payout.domain.outcome.Rejection;
import java.util.List;

/** What the ledger did with a batch of transactions. */
public sealed interface PostResult permits PostResult.Posted, PostResult.AlreadyPosted, PostResult.Refused {

    /** The new transactions were recorded (ids already present with identical content were skipped). */
    record Posted(List<LedgerTransaction> posted, List<String> alreadyPresent) implements PostResult {
        public Posted {
            posted = List.copyOf(posted);
            alreadyPresent = List.copyOf(alreadyPresent);
        }
    }

    /** Every transaction was already recorded with identical content: nothing changed. */
    record AlreadyPosted(List<String> ids) implements PostResult {
        public AlreadyPosted {
            ids = List.copyOf(ids);
        }
    }

    /** Nothing was recorded. */
    record Refused(Rejection rejection) implements PostResult {
    }

    default boolean changedTheLedger() {
        return this instanceof Posted;
    }
}
