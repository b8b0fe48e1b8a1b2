package io.fairshare.registry.application;

import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.fairshare.registry.persistence.UnmatchedUsageTable;
import io.fairshare.service.persistence.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps unmatched usage for back-claims: holds a batch in {@code unmatched_usage}, one database transaction per
 * batch, idempotently (a redelivered event changes nothing). While PostgreSQL is unavailable the batch is retried
 * with a growing pause (up to 30 s); a data error is thrown instead (never skip held usage).
 *
 * <p>Then it asks {@link BackClaims} to look at the events that resolve by now: a work added after the event was
 * resolved, but before its row was written, finds no row to claim; this check closes that gap.
 */
@ApplicationScoped
public class UnmatchedUsage {
    private static final Logger LOG = Logger.getLogger(UnmatchedUsage.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final UnmatchedUsageTable table;
    private final BackClaims backClaims;

    public UnmatchedUsage(UnmatchedUsageTable table, BackClaims backClaims) {
        this.table = table;
        this.backClaims = backClaims;
    }

    /** Holds the batch (retrying while the database is unavailable), then rechecks it for back-claims. */
    public void hold(List<UsageUnmatchedV1> batch) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                table.hold(batch);
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
        backClaims.recheck(batch.stream().map(UsageUnmatchedV1::usage).toList());
    }

    /** Everything but a data or constraint error (SQL state class 22 or 23) is worth another try: PostgreSQL down, pool exhausted, deadlock. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageException s && s.sqlState() != null
                    && (s.sqlState().startsWith("22") || s.sqlState().startsWith("23"))) {
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
