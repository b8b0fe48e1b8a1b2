package io.fairshare.ingest.application;

import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.persistence.EventClaimStore;
import io.fairshare.ingest.persistence.IdempotencyKeyStore;
import io.fairshare.service.persistence.StorageException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Forgets event ids and Idempotency-Keys older than the retention period, in bounded chunks. */
@ApplicationScoped
public class ClaimRetention {
    private static final Logger LOG = Logger.getLogger(ClaimRetention.class);
    private static final int CHUNK = 50_000;

    private final EventClaimStore claims;
    private final IdempotencyKeyStore keys;
    private final IngestConfig config;

    public ClaimRetention(EventClaimStore claims, IdempotencyKeyStore keys, IngestConfig config) {
        this.claims = claims;
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(every = "${fairshare.ingest.retention-sweep-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int total = 0;
            int n;
            do {
                n = claims.sweep(config.dedupRetention(), CHUNK);
                total += n;
            } while (n == CHUNK);
            int forgottenKeys = 0;
            do {
                n = keys.sweep(config.dedupRetention(), CHUNK);
                forgottenKeys += n;
            } while (n == CHUNK);
            if (total + forgottenKeys > 0) {
                LOG.infof("forgot %d event ids and %d idempotency keys older than %s", total, forgottenKeys, config.dedupRetention());
            }
        } catch (StorageException e) {
            LOG.warn("retention sweep failed; it runs again at the next interval", e);
        }
    }
}
