package io.fairshare.registry.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.fairshare.registry.application.CatalogueState;
import io.fairshare.registry.config.ResolutionConfig;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.stream.ResolutionMapping;
import io.fairshare.service.tracing.KafkaTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Resolves accepted usage, exactly once, with Kafka's own consume-transform-produce loop on each of
 * {@code fairshare.resolution.threads} threads (default: one per core; the accepted topic's partitions are shared
 * among them and among the instances): poll a batch
 * of {@link Topics#USAGE_ACCEPTED} (group {@value #GROUP}, {@code read_committed}), resolve every event against the
 * live catalogue, send each outcome ({@link Topics#USAGE_RESOLVED} or {@link Topics#USAGE_UNMATCHED}) through one
 * transactional producer, add the batch's next offsets to the same transaction
 * ({@code sendOffsetsToTransaction} with the consumer's group metadata, so a consumer that lost its partitions in a
 * rebalance cannot commit), and commit. The outcomes and the offsets commit together or not at all; downstream reads
 * with {@code read_committed}.
 *
 * <p>The plain clients replace SmallRye's per-message path (a {@code Message}, a {@code Uni} and a context capture per
 * record), which cost more than the resolution itself. What happens on a failure:
 * <ul>
 *   <li>an error the transaction can survive (a rebalance during the batch, a broker or coordinator error): the
 *       transaction is aborted and the consumer rewound to the committed offsets, so the batch is processed again;</li>
 *   <li>a fatal producer error (fenced by a newer instance with the same id, out-of-order sequence, authorisation): the
 *       producer is replaced (its {@code initTransactions} aborts whatever is open) and the consumer rewound;</li>
 *   <li>a value that is not a {@code UsageAcceptedV1}: the transaction is aborted and the stream stops, offsets
 *       unmoved, readiness DOWN ({@link ResolutionStreamReadiness}): accepted usage must not disappear silently;</li>
 *   <li>a crash: the restarted instance (same instance id and thread count, so the same transactional ids) fences the
 *       old producers, the broker aborts their open transactions, and consumption resumes from the committed offsets.
 *       Restarted with fewer threads, an old producer's open transaction is aborted when its timeout (30 s) passes;
 *       until then {@code read_committed} readers of its partitions wait; nothing is lost or doubled either way,
 *       since a commit needs the current group generation.</li>
 * </ul>
 *
 * <p>Tracing, explicit: each record gets a {@value #RESOLVE_SPAN} span, a child of the span its {@code traceparent}
 * header names (ingest's publish span), and its outcome record carries a {@code traceparent} naming the resolve span.
 * A batch processed again after an abort resolves its records again, in new spans of the same traces.
 */
@ApplicationScoped
public class ResolutionStream {
    private static final Logger LOG = Logger.getLogger(ResolutionStream.class);
    static final String GROUP = "rights-registry-resolver";
    static final String RESOLVE_SPAN = "resolve " + Topics.USAGE_ACCEPTED;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE_MAX = Duration.ofSeconds(10);

    private final CatalogueState catalogue;
    private final ResolutionConfig config;
    private final Map<String, Object> kafka;
    private final Tracer tracer;
    private final ObjectReader accepted;
    private final ObjectWriter resolvedJson;
    private final ObjectWriter unmatchedJson;
    private final Counter resolvedCount;
    private final Counter unmatchedCount;
    private final Counter rewinds;

    private volatile boolean running;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    /** Why the stream stopped on its own (null while it runs, or after a clean stop). */
    private volatile String failure;

    public ResolutionStream(CatalogueState catalogue, ResolutionConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                            ObjectMapper mapper, MeterRegistry meters, Tracer tracer) {
        this.catalogue = catalogue;
        this.config = config;
        this.kafka = kafka;
        this.tracer = tracer;
        this.accepted = mapper.readerFor(UsageAcceptedV1.class);
        this.resolvedJson = mapper.writerFor(UsageResolvedV1.class);
        this.unmatchedJson = mapper.writerFor(UsageUnmatchedV1.class);
        this.resolvedCount = meters.counter("fairshare.registry.usage", "outcome", "resolved");
        this.unmatchedCount = meters.counter("fairshare.registry.usage", "outcome", "unmatched");
        this.rewinds = meters.counter("fairshare.registry.stream.rewinds");
    }

    /** After the catalogue is loaded ({@link CatalogueState} starts at priority 2): resolution needs the whole index. */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        running = true;
        int threads = Math.max(1, config.threads().orElse(Runtime.getRuntime().availableProcessors()));
        LOG.infof("resolution stream starting: %d thread(s), up to %d events per transaction each, consumer settings %s, producer settings %s",
                threads, config.maxBatch(), config.consumer(), config.producer());
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(GROUP + "-" + config.instanceId() + "-" + i);
            workers.add(w);
            w.thread.start();
        }
    }

    /** Lets the batches in hand commit, then closes the clients (a batch not yet committed is processed again later). */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopAll();
        for (Worker w : workers) {
            w.thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    private void stopAll() {
        running = false;
        for (Worker w : workers) {
            KafkaConsumer<String, byte[]> c = w.consumer;
            if (c != null) {
                c.wakeup();
            }
        }
    }

    /** Null while the stream runs (or has stopped cleanly); otherwise why it stopped. */
    String failure() {
        return failure;
    }

    boolean isRunning() {
        if (!running || workers.isEmpty()) {
            return false;
        }
        for (Worker w : workers) {
            if (!w.thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * One consume-transform-produce loop on its own thread, with its own consumer (all in group {@value #GROUP}, so
     * the partitions are shared among the threads of every instance) and its own transactional producer, whose id
     * ({@code rights-registry-resolver-<instance-id>-<n>}) is the same after a restart with the same settings.
     */
    private final class Worker {
        final String id;
        final Thread thread;
        volatile KafkaConsumer<String, byte[]> consumer;

        Worker(String id) {
            this.id = id;
            this.thread = new Thread(this::run, "registry-resolution-stream-" + id.substring(id.lastIndexOf('-') + 1));
            this.thread.setDaemon(true);
        }

        private void run() {
            ResolutionStream.this.run(this);
        }
    }

    private void run(Worker w) {
        KafkaProducer<String, byte[]> producer = null;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps(w.id), new StringDeserializer(), new ByteArrayDeserializer())) {
            w.consumer = c;
            c.subscribe(List.of(Topics.USAGE_ACCEPTED));
            long pause = 0;
            boolean rewind = false;
            while (running) {
                try {
                    if (pause > 0) {
                        Thread.sleep(pause);
                    }
                    if (producer == null) {
                        producer = newProducer(w.id);
                    }
                    if (rewind) {
                        rewindToCommitted(c);
                        rewind = false;
                    }
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    if (!records.isEmpty()) {
                        resolveBatch(c, producer, records);
                    }
                    pause = 0;
                } catch (WakeupException e) {
                    // shutting down: a batch in hand was either committed or will be processed again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                } catch (UnreadableRecord e) {
                    abortQuietly(producer);
                    failure = e.getMessage();
                    LOG.errorf(e.getCause(), "resolution stopped: %s; fix or remove the record, then restart", e.getMessage());
                    stopAll();
                } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException
                         | InvalidProducerEpochException fatal) {
                    LOG.warnf("the resolver's producer cannot go on (%s); a new one takes over and the batch is processed again", fatal.toString());
                    closeQuietly(producer);
                    producer = null;
                    rewind = true;
                    pause = nextPause(pause);
                } catch (KafkaException e) {
                    LOG.warnf("a resolution transaction was aborted or could not start (%s); resuming from the committed offsets", e.toString());
                    if (!abortQuietly(producer)) {
                        closeQuietly(producer);
                        producer = null;
                    }
                    rewind = true;
                    pause = nextPause(pause);
                }
            }
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("resolution stream stopped", e);
            stopAll();
        } finally {
            closeQuietly(producer);
        }
    }

    /** One Kafka transaction: every outcome of the batch and its next offsets. */
    private void resolveBatch(KafkaConsumer<String, byte[]> c, KafkaProducer<String, byte[]> producer, ConsumerRecords<String, byte[]> records) {
        Resolver resolver = new Resolver(catalogue.index());
        Instant now = Instant.now();
        int resolved = 0;
        int unmatched = 0;
        producer.beginTransaction();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                // a tombstone carries no event: nothing to resolve, nothing to hold
                LOG.warnf("skipped a record without a value (key %s) on %s", r.key(), Topics.USAGE_ACCEPTED);
                continue;
            }
            UsageAcceptedV1 usage = read(r);
            Span span = KafkaTracing.startChild(tracer, RESOLVE_SPAN, SpanKind.CONSUMER, r.headers(), Topics.USAGE_ACCEPTED, "process");
            try {
                ResolutionMapping.Outcome o = ResolutionMapping.map(usage, resolver.resolve(UsageQuery.of(usage)), false, now);
                String key = r.key() != null ? r.key() : UsageKeys.key(usage.platformId(), usage.eventId());
                span.setAttribute("fairshare.usage.outcome", o.isResolved() ? "resolved" : "unmatched");
                producer.send(record(key, usage, o, now, span));
                if (o.isResolved()) {
                    resolved++;
                } else {
                    unmatched++;
                }
            } finally {
                span.end();
            }
        }
        producer.sendOffsetsToTransaction(nextOffsets(records), c.groupMetadata());
        // throws if any send failed: the batch is then aborted as a whole
        producer.commitTransaction();
        resolvedCount.increment(resolved);
        unmatchedCount.increment(unmatched);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("committed %d resolved and %d unmatched", resolved, unmatched);
        }
    }

    private UsageAcceptedV1 read(ConsumerRecord<String, byte[]> r) {
        try {
            return accepted.readValue(r.value());
        } catch (IOException e) {
            throw new UnreadableRecord("the record at " + r.topic() + "-" + r.partition() + "@" + r.offset() + " is not a UsageAcceptedV1", e);
        }
    }

    private ProducerRecord<String, byte[]> record(String key, UsageAcceptedV1 usage, ResolutionMapping.Outcome o, Instant now, Span span) {
        boolean resolved = o.isResolved();
        RecordHeaders headers = CloudEventHeaders.of(usage, resolved ? CloudEventTypes.USAGE_RESOLVED : CloudEventTypes.USAGE_UNMATCHED, now);
        KafkaTracing.write(headers, span.getSpanContext());
        byte[] value;
        try {
            value = resolved ? resolvedJson.writeValueAsBytes(o.resolved()) : unmatchedJson.writeValueAsBytes(o.unmatched());
        } catch (IOException e) {
            throw new IllegalStateException("could not write the outcome of " + key, e);
        }
        return new ProducerRecord<>(resolved ? Topics.USAGE_RESOLVED : Topics.USAGE_UNMATCHED, null, key, value, headers);
    }

    /** Each partition's offset after its last record in the batch. */
    static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(tp);
            next.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        return next;
    }

    /**
     * Moves the consumer back to the committed offsets (the start of the topic where none is committed), so that
     * nothing past the last committed transaction is skipped.
     */
    private void rewindToCommitted(KafkaConsumer<String, byte[]> c) {
        rewinds.increment();
        Set<TopicPartition> assigned = new HashSet<>(c.assignment());
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned);
        Set<TopicPartition> none = new HashSet<>();
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata o = committed.get(tp);
            if (o == null) {
                none.add(tp);
            } else {
                c.seek(tp, o);
            }
        }
        if (!none.isEmpty()) {
            c.seekToBeginning(none);
        }
    }

    private static long nextPause(long pause) {
        return Math.min(Math.max(100, pause * 2), RETRY_PAUSE_MAX.toMillis());
    }

    private Map<String, Object> consumerProps(String clientId) {
        Map<String, Object> p = new HashMap<>(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
        p.putAll(config.consumer());
        return p;
    }

    private KafkaProducer<String, byte[]> newProducer(String id) {
        Map<String, Object> p = new HashMap<>(kafka);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, id);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.putAll(config.producer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try {
            // fences an earlier run with the same transactional id and aborts its open transaction
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return producer;
    }

    private static boolean abortQuietly(KafkaProducer<String, byte[]> producer) {
        if (producer == null) {
            return true;
        }
        try {
            producer.abortTransaction();
            return true;
        } catch (IllegalStateException e) {
            // no transaction was open
            return true;
        } catch (KafkaException e) {
            LOG.warnf("could not abort the resolution transaction (%s); the producer is replaced", e.toString());
            return false;
        }
    }

    private static void closeQuietly(KafkaProducer<String, byte[]> producer) {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the resolver's producer failed", e);
            }
        }
    }

    /** A value on the accepted topic that is not an accepted event: the stream stops rather than skip it. */
    static final class UnreadableRecord extends RuntimeException {
        UnreadableRecord(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
