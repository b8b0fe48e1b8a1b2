package io.fairshare.registry.messaging;

import io.fairshare.contracts.Channels;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.registry.application.CatalogueState;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.stream.ResolutionMapping;
import io.fairshare.service.tracing.KafkaTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Resolves accepted usage, exactly once: consume {@link Topics#USAGE_ACCEPTED} in batches, resolve each event
 * against the live catalogue, and write every outcome, {@link Topics#USAGE_RESOLVED} or
 * {@link Topics#USAGE_UNMATCHED}, together with the batch's consumer offsets in one Kafka transaction
 * ({@link KafkaTransactions#withTransactionAndAck}). Either the outcomes and the offsets commit together, or
 * neither does and the consumer goes back to the last committed offsets; downstream reads with
 * {@code read_committed}, so it never sees the outcomes of an aborted or crashed batch.
 *
 * <p>SmallRye 4.34 aborts a transaction whose commit failed but then reports success without rewinding the consumer,
 * which would skip the batch: after each transaction the stream looks whether its producer aborted one, and if so
 * rewinds the consumer to the committed offsets itself, so that the batch is processed again.
 *
 * <p>Tracing, explicit (the connector's own tracing is off on both channels): each record gets a {@value #RESOLVE_SPAN}
 * span, a child of the span its {@code traceparent} header names (ingest's publish span), and its outcome record
 * carries a {@code traceparent} naming the resolve span. A batch processed again after an abort resolves its records
 * again, in new spans of the same traces.
 */
@ApplicationScoped
public class ResolutionStream {
    private static final Logger LOG = Logger.getLogger(ResolutionStream.class);
    /** The emitter's buffer: one batch (max.poll.records, which must stay below it) is in flight at a time. */
    static final int MAX_BATCH = 10_000;
    static final String RESOLVE_SPAN = "resolve " + Topics.USAGE_ACCEPTED;

    private final CatalogueState catalogue;
    @Inject
    @Channel(Channels.USAGE_RESOLVED_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH)
    KafkaTransactions<Object> out;

    private final KafkaClientService clients;
    private final Counter resolvedCount;
    private final Counter unmatchedCount;
    private final Counter rewinds;
    private volatile Metric abortMetric;
    private final Tracer tracer;

    @Inject
    public ResolutionStream(CatalogueState catalogue, KafkaClientService clients, MeterRegistry meters, Tracer tracer) {
        this.catalogue = catalogue;
        this.tracer = tracer;
        this.clients = clients;
        this.resolvedCount = meters.counter("fairshare.registry.usage", "outcome", "resolved");
        this.unmatchedCount = meters.counter("fairshare.registry.usage", "outcome", "unmatched");
        this.rewinds = meters.counter("fairshare.registry.stream.rewinds");
    }

    @Incoming(Channels.USAGE_ACCEPTED_IN)
    public Uni<Void> resolve(KafkaRecordBatch<String, UsageAcceptedV1> batch) {
        Resolver resolver = new Resolver(catalogue.index());
        Map<TopicPartition, Long> next = new HashMap<>();
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, UsageAcceptedV1> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a Kafka batch without its metadata"));
        metadata.getOffsets().forEach((tp, offset) -> next.put(tp, offset.offset() + 1));
        int[] counts = new int[2];
        double abortTimeBefore = abortTime();
        return out.withTransactionAndAck(batch, emitter -> {
            counts[0] = 0;
            counts[1] = 0;
            Instant now = Instant.now();
            for (KafkaRecord<String, UsageAcceptedV1> r : batch) {
                UsageAcceptedV1 usage = r.getPayload();
                if (usage == null) {
                    // a tombstone carries no event: nothing to resolve, nothing to hold
                    LOG.warnf("skipped a record without a value (key %s) on %s", r.getKey(), Topics.USAGE_ACCEPTED);
                    continue;
                }
                Span span = KafkaTracing.startChild(tracer, RESOLVE_SPAN, SpanKind.CONSUMER, r.getHeaders(), Topics.USAGE_ACCEPTED, "process");
                try {
                    ResolutionMapping.Outcome o = ResolutionMapping.map(usage, resolver.resolve(UsageQuery.of(usage)), false, now);
                    String key = r.getKey() != null ? r.getKey() : UsageKeys.key(usage.platformId(), usage.eventId());
                    span.setAttribute("fairshare.usage.outcome", o.isResolved() ? "resolved" : "unmatched");
                    emitter.send(message(key, usage, o, now, span.getSpanContext()));
                    counts[o.isResolved() ? 0 : 1]++;
                } finally {
                    span.end();
                }
            }
            return Uni.createFrom().voidItem();
        }).chain(() -> ensureCommitted(abortTimeBefore, next, counts));
    }

    static Message<Object> message(String key, UsageAcceptedV1 usage, ResolutionMapping.Outcome o, Instant now, SpanContext span) {
        boolean resolved = o.isResolved();
        RecordHeaders headers = CloudEventHeaders.of(usage, resolved ? CloudEventTypes.USAGE_RESOLVED : CloudEventTypes.USAGE_UNMATCHED, now);
        KafkaTracing.write(headers, span);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(resolved ? Topics.USAGE_RESOLVED : Topics.USAGE_UNMATCHED)
                .withKey(key)
                .withHeaders(headers)
                .build();
        return Message.<Object>of(resolved ? o.resolved() : o.unmatched()).addMetadata(metadata);
    }

    /**
     * Checks that the batch's transaction committed: if the producer aborted a transaction meanwhile (its cumulative
     * abort time grew), the consumer is rewound to the committed offsets. Rewinding is always safe (the committed
     * offsets are those of the last committed transaction), so an abort SmallRye already rewound for costs only a
     * second seek; the check itself costs no round trip to the broker.
     */
    private Uni<Void> ensureCommitted(double abortTimeBefore, Map<TopicPartition, Long> next, int[] counts) {
        if (abortTime() == abortTimeBefore) {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("committed %d resolved and %d unmatched, up to %s", counts[0], counts[1], next);
            }
            resolvedCount.increment(counts[0]);
            unmatchedCount.increment(counts[1]);
            return Uni.createFrom().voidItem();
        }
        rewinds.increment();
        LOG.warnf("the transaction of the batch ending before %s was aborted; resuming from the committed offsets", next);
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(Channels.USAGE_ACCEPTED_IN);
        return consumer.resetToLastCommittedPositions()
                .onFailure().invoke(t -> LOG.error("could not rewind the resolver's consumer", t))
                .onFailure().recoverWithNull();
    }

    /** The transactional producer's cumulative time in abortTransaction (ns): grows with every abort. */
    private double abortTime() {
        Metric m = abortMetric;
        if (m == null) {
            Map<MetricName, ? extends Metric> metrics = clients.getProducer(Channels.USAGE_RESOLVED_OUT).unwrap().metrics();
            for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
                if (e.getKey().name().equals("txn-abort-time-ns-total") && e.getKey().group().equals("producer-metrics")) {
                    m = e.getValue();
                }
            }
            if (m == null) {
                throw new IllegalStateException("the Kafka producer has no txn-abort-time-ns-total metric");
            }
            abortMetric = m;
        }
        return ((Number) m.metricValue()).doubleValue();
    }
}
