package io.fairshare.ingest.application;

import io.fairshare.contracts.errors.FieldError;

import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.config.IngestConfig.CrashTest.Step;
import io.fairshare.ingest.domain.BatchTriage;
import io.fairshare.ingest.domain.EventFingerprint;
import io.fairshare.ingest.domain.EventResult;
import io.fairshare.ingest.domain.EventStatus;
import io.fairshare.ingest.domain.UsageEvent;
import io.fairshare.ingest.domain.Validated;
import io.fairshare.ingest.messaging.AcceptedUsagePublisher;
import io.fairshare.ingest.persistence.ClaimHolder;
import io.fairshare.ingest.persistence.EventClaimStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
 * Kafka acknowledged it, and DUPLICATE only once its claim is confirmed, that is once it is on the
 * accepted topic. A claim that is not confirmed (its request died, failed or is still publishing)
 * is taken over by the next request that carries the event, which publishes it again: a second
 * copy on the topic, absorbed by every consumer's deduplication on (platform, event id), never a
 * lost event. If any publish fails, the request releases its unacknowledged claims and fails as a
 * whole (503), so the platform retries and gets DUPLICATE for what was stored.
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);
    private static final long CLAIM_POLL_MILLIS = 20;

    private final EventClaimStore claims;
    private final AcceptedUsagePublisher publisher;
    private final MeterRegistry metrics;
    private final CrashPoint crashPoint;
    private final ClaimHolder holder;
    private final IngestConfig config;

    public IngestService(EventClaimStore claims, AcceptedUsagePublisher publisher, MeterRegistry metrics,
            CrashPoint crashPoint, ClaimHolder holder, IngestConfig config) {
        this.claims = claims;
        this.publisher = publisher;
        this.metrics = metrics;
        this.crashPoint = crashPoint;
        this.holder = holder;
        this.config = config;
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
        Map<String, byte[]> fingerprints = new HashMap<>(candidates.size() * 2);
        for (BatchTriage.Candidate c : candidates) {
            fingerprints.put(c.event().eventId(), EventFingerprint.of(c.event()));
        }
        // This request's mark on its claims, so that releasing them never touches a retry's.
        long token = holder.nextToken();
        Claimed claimed;
        try {
            claimed = claim(platformId, ids, fingerprints, token);
        } catch (StorageException e) {
            throw new ServiceUnavailableException("the idempotency store (PostgreSQL) is unavailable", e);
        }
        Instant acceptedAt = Instant.now();
        List<BatchTriage.Candidate> toPublish = new ArrayList<>(claimed.ids().size());
        for (BatchTriage.Candidate c : candidates) {
            String id = c.event().eventId();
            if (claimed.ids().contains(id)) {
                toPublish.add(c);
            } else if (claimed.conflicts().containsKey(id)) {
                results[c.index()] = EventResult.conflict(c.index(), id, claimed.conflicts().get(id));
            } else {
                results[c.index()] = EventResult.duplicate(c.index(), id);
            }
        }
        if (toPublish.isEmpty()) {
            return;
        }
        crashPoint.reached(Step.AFTER_CLAIM, platformId, toPublish.size());
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
        if (failed.isEmpty()) {
            crashPoint.reached(Step.AFTER_PUBLISH, platformId, stored.size());
        }
        try {
            claims.confirm(platformId, stored, token);
            if (!failed.isEmpty()) {
                claims.release(platformId, failed, token);
            }
        } catch (StorageException e) {
            // Published but unconfirmed claims stay P: a resubmission takes them over and publishes
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

    /** What a request may publish ({@code ids}), and the ids used before for other content, with the fields that differ. */
    private record Claimed(Set<String> ids, Map<String, List<String>> conflicts) {
    }

    /**
     * Claims what this request must publish. Ids another live request is publishing are waited for,
     * up to claim-wait: they become confirmed (duplicates) or are released or abandoned (claimed
     * here). After the wait, whatever is still unconfirmed is taken over. Only confirmed ids are left
     * out, so "duplicate" is never said of an event that is not on the topic. An id whose stored
     * fingerprint differs from this request's event is a conflict: never claimed, never waited for.
     */
    private Claimed claim(String platformId, List<String> ids, Map<String, byte[]> fingerprints, long token) {
        Set<String> claimed = new HashSet<>(claims.claim(platformId, ids, fingerprints, token, false));
        Map<String, List<String>> conflicts = new HashMap<>();
        if (claimed.size() == ids.size()) {
            return new Claimed(claimed, conflicts);
        }
        long deadline = System.nanoTime() + config.claimWait().toNanos();
        List<String> rest = without(ids, claimed);
        conflicts.putAll(differing(platformId, rest, fingerprints));
        Set<String> open = claims.notConfirmed(platformId, without(rest, conflicts.keySet()));
        while (!open.isEmpty()) {
            boolean force = System.nanoTime() > deadline;
            if (!force) {
                sleep(CLAIM_POLL_MILLIS);
            }
            claimed.addAll(claims.claim(platformId, open, fingerprints, token, force));
            List<String> remaining = without(open, claimed);
            if (force) {
                // a forced claim takes every unconfirmed id but one of other content
                conflicts.putAll(differing(platformId, remaining, fingerprints));
            }
            open = claims.notConfirmed(platformId, without(remaining, conflicts.keySet()));
        }
        return new Claimed(claimed, conflicts);
    }

    /** Of {@code ids}, those stored with another fingerprint, and the fields in which they differ. */
    private Map<String, List<String>> differing(String platformId, List<String> ids, Map<String, byte[]> fingerprints) {
        Map<String, List<String>> out = new HashMap<>();
        claims.fingerprints(platformId, ids).forEach((id, stored) -> {
            List<String> fields = EventFingerprint.differingFields(stored, fingerprints.get(id));
            if (!fields.isEmpty()) {
                out.put(id, fields);
            }
        });
        return out;
    }

    private static List<String> without(java.util.Collection<String> ids, Set<String> claimed) {
        return ids.stream().filter(id -> !claimed.contains(id)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting for a concurrent request", e);
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
                e.datasetId(), e.attributionWeight(), acceptedAt, e.trainingRunId());
    }

    private static IngestReport report(String platformId, EventResult[] results) {
        int accepted = 0;
        int duplicate = 0;
        int rejected = 0;
        int conflict = 0;
        for (EventResult r : results) {
            switch (r.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> rejected++;
                case CONFLICT -> conflict++;
            }
        }
        return new IngestReport(platformId, results.length, accepted, duplicate, rejected, conflict, Arrays.asList(results));
    }

    private void record(String platformId, IngestReport r, long nanos) {
        count(platformId, EventStatus.ACCEPTED, r.accepted());
        count(platformId, EventStatus.DUPLICATE, r.duplicate());
        count(platformId, EventStatus.REJECTED, r.rejected());
        count(platformId, EventStatus.CONFLICT, r.conflict());
        if (r.rejected() > 0 || r.conflict() > 0) {
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
