package io.fairshare.registry.application;

import io.fairshare.contracts.Topics;
import io.fairshare.registry.config.RegistryConfig;
import io.fairshare.registry.persistence.CatalogueStore;
import io.fairshare.registry.persistence.CatalogueStore.OutboxRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox ({@code catalogue_change}) in seq order, each row to its topic ({@link Topics#REGISTRY_CHANGES},
 * or {@link Topics#CREDENTIALS} for issued and revoked credentials), every second and
 * right after each write. One relay at a time across instances (a transaction-scoped PostgreSQL advisory lock), so
 * per-key order on the topic is the commit order; rows are marked published only after the broker acknowledged
 * them (acks=all, idempotent producer). A crash between send and mark re-sends: consumers apply idempotently.
 */
@ApplicationScoped
public class ChangeRelay {
    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);
    private static final long ADVISORY_LOCK = 0x5245474953545259L;

    private final CatalogueStore store;
    private final RegistryConfig config;
    /** The connector's Kafka settings ({@code kafka.*}: bootstrap servers, and security where the broker needs it). */
    private final Map<String, Object> kafka;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registry-change-relay");
        t.setDaemon(true);
        t.setContextClassLoader(ChangeRelay.class.getClassLoader());
        return t;
    });
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean ready;

    /** Starts publishing (once the schema is migrated and the catalogue loaded). */
    void ready() {
        ready = true;
        nudge();
    }

    public ChangeRelay(CatalogueStore store, RegistryConfig config,
                       @io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.store = store;
        this.config = config;
        this.kafka = kafka;
    }

    /** Asks for a publication soon (after a write committed). */
    public void nudge() {
        if (nudged.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudged.set(false);
                publishSafely();
            });
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (ready) {
            publishSafely();
        }
    }

    private void publishSafely() {
        try {
            while (publishPending() > 0) {
                // drain
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "change relay failed (retrying within a second)");
        }
    }

    /** Publishes up to one batch of unpublished changes; returns how many. */
    public int publishPending() {
        if (!lock.tryLock()) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!store.tryAdvisoryLock(ADVISORY_LOCK)) {
                    return 0;
                }
                List<OutboxRow> rows = store.lockUnpublished(config.changes().relayBatch());
                if (rows.isEmpty()) {
                    return 0;
                }
                KafkaProducer<String, String> p = producer();
                List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
                for (OutboxRow r : rows) {
                    sent.add(p.send(new ProducerRecord<>(r.topic(), r.key(), r.change())));
                }
                p.flush();
                for (Future<RecordMetadata> f : sent) {
                    f.get();
                }
                store.markPublished(rows.stream().map(OutboxRow::seq).toList(), Instant.now());
                return rows.size();
            });
        } finally {
            lock.unlock();
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            Properties props = new Properties();
            props.putAll(kafka);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            p = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            producer = p;
        }
        return p;
    }

    void onStop(@Observes ShutdownEvent event) {
        nudges.shutdownNow();
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
