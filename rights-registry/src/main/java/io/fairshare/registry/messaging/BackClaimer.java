package io.fairshare.registry.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.registry.application.CatalogueState;
import io.fairshare.registry.domain.CatalogueChange;
import io.fairshare.registry.domain.CatalogueIndex;
import io.fairshare.registry.domain.Reservation;
import io.fairshare.registry.domain.Resolution;
import io.fairshare.registry.domain.Resolver;
import io.fairshare.registry.domain.UsageQuery;
import io.fairshare.registry.domain.Work;
import io.fairshare.registry.stream.ResolutionMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Back-claims: when the catalogue changes so that held (unmatched) usage resolves, publish each such event on
 * {@link Topics#USAGE_RESOLVED} with {@code backClaim=true}, once.
 *
 * <p>Triggers: a {@link CatalogueState} listener (works, and shares and work reservations by their work's
 * identifiers; licences, parties, mandates and societies cannot make an unknown work known), the
 * {@link UnmatchedUsageStore} after it holds events that resolve by then, and a periodic sweep of every held event.
 * Changes are collected for {@code fairshare.resolution.back-claim.delay} before the look-up, so that a work's
 * shares, which follow the work, are there when it is resolved.
 *
 * <p>Once: per page of held events, in one database transaction, the rows are locked ({@code FOR UPDATE SKIP
 * LOCKED}: another instance doing the same skips them), resolved, marked with {@code UPDATE ... SET
 * back_claimed_at = now() WHERE ... AND back_claimed_at IS NULL RETURNING ...}, published in a Kafka transaction of
 * this instance's own transactional producer, and the Kafka transaction is committed before the database one. A
 * failure before the Kafka commit rolls both back (retried later). A crash between the Kafka commit and the
 * database commit leaves the rows unclaimed, so they are published again by the next trigger: settlement
 * deduplicates on (platform, event id). That window is one database commit long.
 *
 * <p>All work runs on one thread of this class, so the transactional producer has one transaction at a time.
 */
@ApplicationScoped
public class BackClaimer {
    private static final Logger LOG = Logger.getLogger(BackClaimer.class);
    private static final UnmatchedUsageRepository.Key START = new UnmatchedUsageRepository.Key("", "");

    private final CatalogueState catalogue;
    private final UnmatchedUsageRepository repository;
    private final ResolutionConfig config;
    private final Map<String, Object> kafka;
    private final ObjectMapper mapper;
    private final Counter published;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "back-claims");
        t.setDaemon(true);
        return t;
    });

    private Set<String> pending = new HashSet<>();
    private boolean scheduled;
    private KafkaProducer<String, byte[]> producer;

    public BackClaimer(CatalogueState catalogue, UnmatchedUsageRepository repository, ResolutionConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper mapper, MeterRegistry meters) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.config = config;
        this.kafka = kafka;
        this.mapper = mapper;
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
        if (producer != null) {
            producer.close();
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
            } catch (RuntimeException | SQLException e) {
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
        } catch (RuntimeException | SQLException e) {
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
    int claim(Set<String> identifierKeys) throws SQLException {
        int pageSize = config.backClaim().pageSize();
        UnmatchedUsageRepository.Key after = START;
        int total = 0;
        while (true) {
            List<UnmatchedUsageRepository.Held> page;
            try (Connection c = repository.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    page = repository.lockHeld(c, identifierKeys, after, pageSize);
                    total += claimPage(c, page);
                    c.commit();
                } catch (RuntimeException | SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
            if (page.size() < pageSize) {
                return total;
            }
            UnmatchedUsageRepository.Held last = page.get(page.size() - 1);
            after = new UnmatchedUsageRepository.Key(last.platformId(), last.eventId());
        }
    }

    private int claimPage(Connection c, List<UnmatchedUsageRepository.Held> page) throws SQLException {
        Resolver resolver = new Resolver(catalogue.index());
        Instant now = Instant.now();
        Map<UnmatchedUsageRepository.Key, UsageResolvedV1> resolved = new HashMap<>();
        List<UnmatchedUsageRepository.Key> keys = new ArrayList<>();
        for (UnmatchedUsageRepository.Held h : page) {
            if (resolver.resolve(UsageQuery.of(h.usage())) instanceof Resolution.Matched m) {
                UnmatchedUsageRepository.Key key = new UnmatchedUsageRepository.Key(h.platformId(), h.eventId());
                resolved.put(key, ResolutionMapping.resolved(h.usage(), m, true, now));
                keys.add(key);
            }
        }
        Set<UnmatchedUsageRepository.Key> claimed = repository.claim(c, keys);
        List<UsageResolvedV1> toPublish = keys.stream().filter(claimed::contains).map(resolved::get).toList();
        if (!toPublish.isEmpty()) {
            publish(toPublish, now);
            published.increment(toPublish.size());
            LOG.infof("published %d back-claim(s)", toPublish.size());
        }
        return toPublish.size();
    }

    /** One Kafka transaction: every record, or none. */
    private void publish(List<UsageResolvedV1> events, Instant now) {
        KafkaProducer<String, byte[]> p = producer();
        try {
            p.beginTransaction();
            for (UsageResolvedV1 e : events) {
                UsageAcceptedV1 usage = e.usage();
                p.send(new ProducerRecord<>(Topics.USAGE_RESOLVED, null, UsageKeys.key(usage.platformId(), usage.eventId()),
                        mapper.writeValueAsBytes(e), CloudEventHeaders.of(usage, CloudEventTypes.USAGE_RESOLVED, now)));
            }
            p.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // this producer cannot go on; the next attempt makes a new one (which aborts what is left open)
            producer = null;
            p.close();
            throw fatal;
        } catch (KafkaException | JsonProcessingException e) {
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                producer = null;
                p.close();
            }
            throw new IllegalStateException("the back-claim transaction was aborted", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rights-registry-back-claims-" + config.instanceId());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "rights-registry-back-claims");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
            KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
            try {
                p.initTransactions();
            } catch (KafkaException e) {
                p.close();
                throw e;
            }
            producer = p;
        }
        return producer;
    }
}
