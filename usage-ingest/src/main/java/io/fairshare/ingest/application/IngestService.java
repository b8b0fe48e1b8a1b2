package io.fairshare.ingest.application;

import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.domain.BatchTriage;
import io.fairshare.ingest.domain.EventResult;
import io.fairshare.ingest.domain.EventStatus;
import io.fairshare.ingest.domain.FieldError;
import io.fairshare.ingest.domain.UsageEvent;
import io.fairshare.ingest.domain.Validated;
import io.fairshare.ingest.messaging.AcceptedUsagePublisher;
import io.fairshare.ingest.persistence.EventClaimStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The ingest use case: triage a validated batch, claim its event ids, publish the claimed events,
 * wait for Kafka's acknowledgements, then confirm them. An event is answered ACCEPTED only once
 * Kafka acknowledged it; if any publish fails, the unacknowledged claims are released and the
 * request fails as a whole (503), so the platform retries and gets DUPLICATE for what was stored.
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final EventClaimStore claims;
    private final AcceptedUsagePublisher publisher;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public IngestService(EventClaimStore claims, AcceptedUsagePublisher publisher, IngestConfig config, MeterRegistry metrics) {
        this.claims = claims;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    public IngestReport ingest(String platformId, List<Validated> batch) {
        long start = System.nanoTime();
        EventResult[] results = new EventResult[batch.size()];
        BatchTriage.Result triage = BatchTriage.triage(batch);
        for (Map.Entry<Integer, EventResult> e : triage.answered().entrySet()) {
            results[e.getKey()] = e.getValue();
        }
        List<BatchTriage.Candidate> candidates = triage.candidates();
        if (!candidates.isEmpty()) {
            store(platformId, candidates, results);
        }
        IngestReport report = report(platformId, results);
        record(platformId, report, System.nanoTime() - start);
        return report;
    }

    private void store(String platformId, List<BatchTriage.Candidate> candidates, EventResult[] results) {
        List<String> ids = candidates.stream().map(c -> c.event().eventId()).toList();
        Set<String> claimed;
        try {
            claimed = claims.claim(platformId, ids, config.claimLease());
        } catch (SQLException e) {
            throw new ServiceUnavailableException("the idempotency store (PostgreSQL) is unavailable", e);
        }
        Instant acceptedAt = Instant.now();
        List<BatchTriage.Candidate> toPublish = new ArrayList<>(claimed.size());
        for (BatchTriage.Candidate c : candidates) {
            if (claimed.contains(c.event().eventId())) {
                toPublish.add(c);
            } else {
                results[c.index()] = EventResult.duplicate(c.index(), c.event().eventId());
            }
        }
        if (toPublish.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> acks = publisher.publish(
                toPublish.stream().map(c -> toContract(platformId, c.event(), acceptedAt)).toList());
        long t1 = System.nanoTime();
        awaitAll(acks);
        LOG.debugf("handed %d events to Kafka in %d ms, outcomes after %d ms", acks.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        List<String> stored = new ArrayList<>(toPublish.size());
        List<String> failed = new ArrayList<>();
        Throwable firstFailure = null;
        for (int i = 0; i < toPublish.size(); i++) {
            CompletableFuture<Void> ack = acks.get(i);
            String id = toPublish.get(i).event().eventId();
            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                stored.add(id);
            } else {
                failed.add(id);
                if (firstFailure == null) {
                    firstFailure = ack.isDone() ? ack.handle((v, t) -> t).join()
                            : new TimeoutException("no acknowledgement within " + publisher.outcomeBound());
                }
            }
        }
        try {
            claims.confirm(platformId, stored);
            if (!failed.isEmpty()) {
                claims.release(platformId, failed);
            }
        } catch (SQLException e) {
            // Published but unconfirmed claims expire after the lease; a resubmission then publishes
            // them again, and downstream deduplication on (platform, event id) absorbs the copy.
            throw new ServiceUnavailableException("the idempotency store (PostgreSQL) is unavailable", e);
        }
        if (!failed.isEmpty()) {
            LOG.warnf(firstFailure, "platform %s: %d of %d events not acknowledged by Kafka; request failed", platformId, failed.size(), toPublish.size());
            throw new ServiceUnavailableException("Kafka did not acknowledge " + failed.size() + " of " + toPublish.size()
                    + " events; " + stored.size() + " were stored and will be answered as duplicates on retry", firstFailure);
        }
        for (BatchTriage.Candidate c : toPublish) {
            results[c.index()] = EventResult.accepted(c.index(), c.event().eventId());
        }
    }

    private void awaitAll(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(publisher.outcomeBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // sorted out per event by the caller
        }
    }

    static UsageAcceptedV1 toContract(String platformId, UsageEvent e, Instant acceptedAt) {
        return new UsageAcceptedV1(platformId, e.eventId(), e.modelId(), e.modelVersion(), e.usageType(),
                new WorkRef(e.identifiers(), e.title()), e.units(), e.unitKind(), e.usedAt(), e.territory(),
                e.datasetId(), e.attributionWeight(), acceptedAt);
    }

    private static IngestReport report(String platformId, EventResult[] results) {
        int accepted = 0;
        int duplicate = 0;
        int rejected = 0;
        for (EventResult r : results) {
            switch (r.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> rejected++;
            }
        }
        return new IngestReport(platformId, results.length, accepted, duplicate, rejected, Arrays.asList(results));
    }

    private void record(String platformId, IngestReport r, long nanos) {
        count(platformId, EventStatus.ACCEPTED, r.accepted());
        count(platformId, EventStatus.DUPLICATE, r.duplicate());
        count(platformId, EventStatus.REJECTED, r.rejected());
        if (r.rejected() > 0) {
            for (EventResult e : r.results()) {
                for (FieldError fe : e.errors()) {
                    metrics.counter("fairshare.ingest.rejections", "platform", platformId, "code", fe.code()).increment();
                }
            }
        }
        Timer.builder("fairshare.ingest.batch.duration")
                .description("Time to validate, deduplicate and store one batch")
                .tag("platform", platformId)
                .publishPercentileHistogram()
                .register(metrics)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private void count(String platformId, EventStatus status, int n) {
        if (n > 0) {
            metrics.counter("fairshare.ingest.events", "platform", platformId, "outcome", status.name().toLowerCase()).increment(n);
        }
    }
}
