package io.fairshare.registry.application;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.registry.config.ResolutionConfig;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.resolution.Resolution;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.persistence.UnmatchedUsageTable;
import io.fairshare.registry.persistence.UnmatchedUsageTable.Claims;
import io.fairshare.registry.persistence.UnmatchedUsageTable.Held;
import io.fairshare.registry.persistence.UnmatchedUsageTable.Key;
import io.fairshare.registry.stream.ResolutionMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Back-claims: when the catalogue changes so that held (unmatched) usage resolves, publish each such event on
 * {@link io.fairshare.contracts.Topics#USAGE_RESOLVED} with {@code backClaim=true}, once.
 *
 * <p>Triggers: a {@link CatalogueState} listener (works, and shares and work reservations by their work's
 * identifiers; licences, parties, mandates and societies cannot make an unknown work known), {@link UnmatchedUsage}
 * after it holds events that resolve by then, and a periodic sweep of every held event.
 * Changes are collected for {@code fairshare.resolution.back-claim.delay} before the look-up, so that a work's
 * shares, which follow the work, are there when it is resolved.
 *
 * <p>Once: per page of held events, in one database transaction ({@link UnmatchedUsageTable#lockPage}), the rows are
 * locked ({@code FOR UPDATE SKIP LOCKED}: another instance doing the same skips them), resolved, marked with
 * {@code UPDATE ... SET back_claimed_at = now() WHERE ... AND back_claimed_at IS NULL RETURNING ...}, published in a
 * Kafka transaction of this instance's own transactional producer ({@link BackClaimPublisher}), and the Kafka
 * transaction is committed before the database one. A failure before the Kafka commit rolls both back (retried
 * later). A crash between the Kafka commit and the database commit leaves the rows unclaimed, so they are published
 * again by the next trigger: settlement deduplicates on (platform, event id). That window is one database commit long.
 *
 * <p>All work runs on one thread of this class, so the transactional producer has one transaction at a time.
 */
@ApplicationScoped
public class BackClaims {
    private static final Logger LOG = Logger.getLogger(BackClaims.class);

    private final CatalogueState catalogue;
    private final UnmatchedUsageTable table;
    private final ResolutionConfig config;
    private final BackClaimPublisher publisher;
    private final Counter published;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "back-claims");
        t.setDaemon(true);
        return t;
    });

    private Set<String> pending = new HashSet<>();
    private boolean scheduled;

    public BackClaims(CatalogueState catalogue, UnmatchedUsageTable table, ResolutionConfig config, BackClaimPublisher publisher,
                      MeterRegistry meters) {
        this.catalogue = catalogue;
        this.table = table;
        this.config = config;
        this.publisher = publisher;
        this.published = meters.counter("fairshare.registry.back-claims");
    }

    void start(@Observes StartupEvent event) {
        catalogue.addListener(this::onChanges);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The catalogue listener: looks for held events carrying an identifier of a changed work. */
    public void onChanges(List<CatalogueChange> changes) {
        Set<String> keys = identifierKeys(changes, catalogue.index());
        if (!keys.isEmpty()) {
            request(keys);
        }
    }

    /** Events just held: the ones that resolve by now are looked up by their identifiers. */
    public void recheck(List<UsageAcceptedV1> held) {
        Resolver resolver = new Resolver(catalogue.index());
        Set<String> keys = new LinkedHashSet<>();
        for (UsageAcceptedV1 usage : held) {
            if (resolver.resolve(UsageQuery.of(usage)) instanceof Resolution.Matched) {
                keys.addAll(ResolutionMapping.holdingKeys(usage));
            }
        }
        if (!keys.isEmpty()) {
            request(keys);
        }
    }

    /** Tries every held event again. */
    @Scheduled(every = "${fairshare.resolution.back-claim.sweep-interval}", delayed = "${fairshare.resolution.back-claim.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        worker.execute(() -> {
            try {
                claim(null);
            } catch (RuntimeException e) {
                LOG.warn("the sweep of held usage failed; the next one tries again", e);
            }
        });
    }

    /** The lookup keys of the works a batch of changes concerns. */
    static Set<String> identifierKeys(List<CatalogueChange> changes, CatalogueIndex index) {
        Set<String> keys = new LinkedHashSet<>();
        for (CatalogueChange change : changes) {
            if (change instanceof CatalogueChange.UpsertWork w) {
                w.work().identifiers().forEach(id -> keys.add(id.key()));
            } else if (change instanceof CatalogueChange.UpsertShare s) {
                addWork(keys, s.share().work(), index);
            } else if (change instanceof CatalogueChange.DeleteShare s) {
                addWork(keys, s.key().work(), index);
            } else if (change instanceof CatalogueChange.UpsertReservation r && r.reservation().target() instanceof Reservation.OnWork on) {
                addWork(keys, on.work(), index);
            } else if (change instanceof CatalogueChange.DeleteReservation r && r.key().target() instanceof Reservation.OnWork on) {
                addWork(keys, on.work(), index);
            }
        }
        return keys;
    }

    private static void addWork(Set<String> keys, WorkId workKey, CatalogueIndex index) {
        keys.add(workKey.key());
        index.work(workKey).map(Work::identifiers).ifPresent(ids -> ids.forEach(id -> keys.add(id.key())));
    }

    private synchronized void request(Set<String> keys) {
        pending.addAll(keys);
        if (!scheduled) {
            scheduled = true;
            worker.schedule(this::drain, config.backClaim().delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        Set<String> keys;
        synchronized (this) {
            keys = pending;
            pending = new HashSet<>();
            scheduled = false;
        }
        try {
            claim(keys);
        } catch (RuntimeException e) {
            LOG.warnf(e, "back-claims for %d identifier(s) failed; retrying in %s", keys.size(), config.backClaim().retryBackoff());
            synchronized (this) {
                pending.addAll(keys);
                if (!scheduled) {
                    scheduled = true;
                    worker.schedule(this::drain, config.backClaim().retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /**
     * Claims and publishes, page by page, the held events (all, or those carrying one of {@code identifierKeys})
     * that resolve against the catalogue now. Runs on the worker thread only.
     */
    int claim(Set<String> identifierKeys) {
        int pageSize = config.backClaim().pageSize();
        Key after = Key.START;
        int total = 0;
        while (true) {
            UnmatchedUsageTable.Page page = table.lockPage(identifierKeys, after, pageSize, this::claimPage);
            total += page.handled();
            if (page.rows().size() < pageSize) {
                return total;
            }
            after = page.rows().get(page.rows().size() - 1).key();
        }
    }

    private int claimPage(List<Held> page, Claims claims) {
        Resolver resolver = new Resolver(catalogue.index());
        Instant now = Instant.now();
        Map<Key, UsageResolvedV1> resolved = new HashMap<>();
        List<Key> keys = new ArrayList<>();
        for (Held h : page) {
            if (resolver.resolve(UsageQuery.of(h.usage())) instanceof Resolution.Matched m) {
                resolved.put(h.key(), ResolutionMapping.resolved(h.usage(), m, true, now));
                keys.add(h.key());
            }
        }
        Set<Key> claimed = claims.claim(keys);
        List<UsageResolvedV1> toPublish = keys.stream().filter(claimed::contains).map(resolved::get).toList();
        if (!toPublish.isEmpty()) {
            publisher.publish(toPublish, now);
            published.increment(toPublish.size());
            LOG.infof("published %d back-claim(s)", toPublish.size());
        }
        return toPublish.size();
    }
}
