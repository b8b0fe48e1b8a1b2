package io.fairshare.settlement.messaging;

import io.fairshare.contracts.Channels;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.settlement.application.UsageLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads resolved usage in batches and appends each batch to the ledger in one database transaction.
 * The connector acknowledges the batch when this method returns, i.e. after the commit; the
 * throttled commit strategy then commits the offsets. A crash in between redelivers the batch, and
 * the ledger's {@code (platform_id, event_id)} key makes that harmless.
 */
@ApplicationScoped
public class UsageLedgerConsumer {
    private static final Logger LOG = Logger.getLogger(UsageLedgerConsumer.class);

    private final UsageLedger ledger;

    public UsageLedgerConsumer(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming(Channels.USAGE_RESOLVED_IN)
    @Blocking(ordered = true)
    public void consume(List<UsageResolvedV1> batch) {
        List<UsageResolvedV1> readable = new ArrayList<>(batch.size());
        for (UsageResolvedV1 e : batch) {
            if (e == null) {
                LOG.warn("a resolved-usage record could not be read as JSON and was skipped");
            } else {
                readable.add(e);
            }
        }
        ledger.append(readable);
    }
}
