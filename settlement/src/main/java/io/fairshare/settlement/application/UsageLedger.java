package io.fairshare.settlement.application;

import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.settlement.domain.outcome.CloseError;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.persistence.UsageLedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import io.fairshare.service.persistence.StorageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        return append(batch, java.util.Collections.nCopies(batch.size(), null));
    }

    /**
     * Stores the batch in one transaction, each event with the trace id at the same index of {@code traceIds} (null:
     * none); returns how many event lines were new.
     */
    public int append(List<UsageResolvedV1> batch, List<String> traceIds) {
        if (traceIds.size() != batch.size()) {
            throw new IllegalArgumentException(traceIds.size() + " trace ids for " + batch.size() + " events");
        }
        List<ResolvedUsage> accepted = new ArrayList<>(batch.size());
        List<UsageLedgerStore.Refused> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>(batch.size() * 2);
        Map<String, String> traces = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            UsageResolvedV1 r = batch.get(i);
            if (r.usage() == null) {
                refused.add(new UsageLedgerStore.Refused(null, null, "EVENT_INVALID: the resolved event carries no usage", String.valueOf(r)));
                continue;
            }
            ResolvedUsage e = toDomain(r);
            if (!seen.add(e.platformId() + "/" + e.eventId())) {
                continue; // the same event twice in one batch: the first copy counts
            }
            if (traceIds.get(i) != null) {
                traces.put(UsageLedgerStore.eventKey(e.platformId(), e.eventId()), traceIds.get(i));
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
        int lines = store(accepted, refused, batch, traces);
        received.increment(accepted.size());
        refusedCount.increment(refused.size());
        return lines;
    }

    /**
     * Stores the events and refusals in one transaction, retrying a transient failure a few times. When the
     * database refuses the data itself (SQLSTATE class 22 or 23: a value too long, out of range, a constraint),
     * retrying cannot help and one event must not stop the whole ledger: the batch is halved until the event at
     * fault stands alone, and that event is refused (kept in {@code usage_refused} with the database's reason).
     */
    private int store(List<ResolvedUsage> events, List<UsageLedgerStore.Refused> refused, List<UsageResolvedV1> originals,
            Map<String, String> traces) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.append(events, refused, traces);
            } catch (StorageException e) {
                // refusals alone that the database refuses cannot be split further: retried, then the batch fails
                if (refusedByData(e) && !events.isEmpty() && (events.size() > 1 || !refused.isEmpty())) {
                    return bisect(events, refused, originals, traces);
                }
                if (refusedByData(e) && events.size() == 1) {
                    ResolvedUsage bad = events.get(0);
                    String reason = "STORAGE_REFUSED: " + e.sqlState() + " " + e.getMessage();
                    LOG.warnf("resolved usage %s/%s refused by the database: %s", bad.platformId(), bad.eventId(), reason);
                    String payload = originals.stream()
                            .filter(o -> o.usage() != null && bad.platformId().equals(o.usage().platformId())
                                    && bad.eventId().equals(o.usage().eventId()))
                            .findFirst().map(String::valueOf).orElse(String.valueOf(bad));
                    refusedCount.increment(); // also counted as received: it passed the ledger's own checks
                    return store(List.of(), List.of(new UsageLedgerStore.Refused(bad.platformId(), bad.eventId(), reason, payload)),
                            originals, traces);
                }
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

    private int bisect(List<ResolvedUsage> events, List<UsageLedgerStore.Refused> refused, List<UsageResolvedV1> originals,
            Map<String, String> traces) {
        int lines = refused.isEmpty() ? 0 : store(List.of(), refused, originals, traces);
        if (events.size() == 1) {
            return lines + store(events, List.of(), originals, traces);
        }
        int half = events.size() / 2;
        lines += store(events.subList(0, half), List.of(), originals, traces);
        lines += store(events.subList(half, events.size()), List.of(), originals, traces);
        return lines;
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): the same data fails again. */
    static boolean refusedByData(StorageException e) {
        String state = e.sqlState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    static ResolvedUsage toDomain(UsageResolvedV1 r) {
        var u = r.usage();
        List<ResolvedLine> lines = new ArrayList<>(r.lines().size());
        for (ResolvedLineV1 l : r.lines()) {
            lines.add(new ResolvedLine(l.partyId(), l.societyId(), l.shareBasisPoints(),
                    l.status() == null ? null : LineStatus.valueOf(l.status().name()), l.tariffId(), l.disputed()));
        }
        return new ResolvedUsage(u.platformId(), u.eventId(), u.modelId(), u.modelVersion(), u.usageType(), u.units(), u.unitKind(),
                u.usedAt(), u.territory(), u.attributionWeight(), r.workId(), r.workCategory(), r.backClaim(), lines, u.trainingRunId(),
                u.datasetId());
    }
}
