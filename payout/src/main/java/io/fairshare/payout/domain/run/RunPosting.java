package io.fairshare.payout.domain.run;

import io.fairshare.payout.domain.outcome.Rejection;
import java.util.List;

/**
 * The result of posting a run's payments: the end-to-end ids posted now, those posted before (a resumed run),
 * and those the ledger refused (e.g. the payable shrank between planning and posting), with the reason.
 */
public record RunPosting(PayoutRun run, List<String> posted, List<String> alreadyPosted, List<Refusal> refused) {
    public record Refusal(String endToEndId, Rejection rejection) {
    }

    public RunPosting {
        posted = List.copyOf(posted);
        alreadyPosted = List.copyOf(alreadyPosted);
        refused = List.copyOf(refused);
    }

    public boolean complete() {
        return refused.isEmpty();
    }
}
