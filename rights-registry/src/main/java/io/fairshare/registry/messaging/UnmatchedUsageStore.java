package io.fairshare.registry.messaging;

import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps unmatched usage: consumes {@link io.fairshare.contracts.Topics#USAGE_UNMATCHED} ({@code read_committed},
 * group {@code rights-registry-unmatched-store}) in batches and holds every event in {@code unmatched_usage}, one
 * database transaction per batch, idempotently (a redelivered event changes nothing). Offsets are committed after
 * the transaction (at least once; the insert makes it effectively once). While PostgreSQL is unavailable the batch is
 * retried with a growing pause (up to 30 s), holding the partition; a data error fails the channel instead.
 *
 * <p>Then it asks the {@link BackClaimer} to look at the events that resolve by now: a work added after the event
 * was resolved, but before its row was written, finds no row to claim; this check closes that gap.
 */
@ApplicationScoped
public class UnmatchedUsageStore {
    /** The channel (not in contracts: only this service reads the topic this way). */
    public static final String CHANNEL = "usage-unmatched-store";
    private static final Logger LOG = Logger.getLogger(UnmatchedUsageStore.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final UnmatchedUsageRepository repository;
    private final BackClaimer backClaimer;

    public UnmatchedUsageStore(UnmatchedUsageRepository repository, BackClaimer backClaimer) {
        this.repository = repository;
        this.backClaimer = backClaimer;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void hold(List<UsageUnmatchedV1> batch) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                repository.hold(batch);
                break;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    // bad data in the batch: fail the channel (readiness goes DOWN) rather than skip held usage
                    throw e;
                }
                LOG.warnf("could not hold %d unmatched event(s) (%s); retrying in %d ms", batch.size(), rootMessage(e), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        backClaimer.recheck(batch.stream().map(UsageUnmatchedV1::usage).toList());
    }

    /** Everything but a data or constraint error (SQL state class 22 or 23) is worth another try: PostgreSQL down, pool exhausted, deadlock. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
