package io.fairshare.settlement.application;

import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.settlement.domain.CloseError;
import io.fairshare.settlement.domain.LineStatus;
import io.fairshare.settlement.domain.ResolvedLine;
import io.fairshare.settlement.domain.ResolvedUsage;
import io.fairshare.settlement.domain.UsageAggregator;
import io.fairshare.settlement.persistence.UsageLedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Appends resolved usage to the ledger: events a close would reject are refused on arrival (kept in
 * {@code usage_refused} with the reason), the others stored once per {@code (platformId, eventId)}.
 * A transient database failure is retried a few times before the batch is failed (its offsets are
 * then not committed).
 */
@ApplicationScoped
public class UsageLedger {
    private static final Logger LOG = Logger.getLogger(UsageLedger.class);
    private static final int ATTEMPTS = 5;

    private final UsageLedgerStore store;
    private final io.micrometer.core.instrument.Counter received;
    private final io.micrometer.core.instrument.Counter refusedCount;

    public UsageLedger(UsageLedgerStore store, io.micrometer.core.instrument.MeterRegistry meters) {
        this.store = store;
        // events per batch after validation; a redelivered event is counted again here and stored once
        this.received = meters.counter("fairshare.settlement.usage", "outcome", "received");
        this.refusedCount = meters.counter("fairshare.settlement.usage", "outcome", "refused");
    }

    /** Stores the batch in one transaction; returns how many event lines were new. */
    public int append(List<UsageResolvedV1> batch) {
        List<ResolvedUsage> accepted = new ArrayList<>(batch.size());
        List<UsageLedgerStore.Refused> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>(batch.size() * 2);
        for (UsageResolvedV1 r : batch) {
            if (r.usage() == null) {
                refused.add(new UsageLedgerStore.Refused(null, null, "EVENT_INVALID: the resolved event carries no usage", String.valueOf(r)));
                continue;
            }
            ResolvedUsage e = toDomain(r);
            if (!seen.add(e.platformId() + "/" + e.eventId())) {
                continue; // the same event twice in one batch: the first copy counts
            }
            List<CloseError> problems = UsageAggregator.problems(e);
            if (problems.isEmpty()) {
                accepted.add(e);
            } else {
                String reason = problems.stream().map(p -> p.code() + ": " + p.message()).collect(Collectors.joining("; "));
                LOG.warnf("resolved usage %s/%s refused: %s", e.platformId(), e.eventId(), reason);
                refused.add(new UsageLedgerStore.Refused(e.platformId(), e.eventId(), reason, String.valueOf(r)));
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                int lines = store.append(accepted, refused);
                received.increment(accepted.size());
                refusedCount.increment(refused.size());
                return lines;
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("usage ledger append failed " + ATTEMPTS + " times", e);
                }
                LOG.warnf("usage ledger append failed (attempt %d of %d): %s", attempt, ATTEMPTS, e.getMessage());
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    static ResolvedUsage toDomain(UsageResolvedV1 r) {
        var u = r.usage();
        List<ResolvedLine> lines = new ArrayList<>(r.lines().size());
        for (ResolvedLineV1 l : r.lines()) {
            lines.add(new ResolvedLine(l.partyId(), l.societyId(), l.shareBasisPoints(),
                    l.status() == null ? null : LineStatus.valueOf(l.status().name()), l.tariffId(), l.disputed()));
        }
        return new ResolvedUsage(u.platformId(), u.eventId(), u.modelId(), u.modelVersion(), u.usageType(), u.units(), u.unitKind(),
                u.usedAt(), u.territory(), u.attributionWeight(), r.workId(), r.workCategory(), r.backClaim(), lines);
    }
}
