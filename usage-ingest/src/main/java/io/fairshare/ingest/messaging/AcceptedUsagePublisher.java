package io.fairshare.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.service.tracing.KafkaTracing;
import io.fairshare.service.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes accepted usage as CloudEvents (Kafka binding, binary mode: {@code ce_*} headers, the
 * event JSON as value) keyed by {@link UsageKeys#key}, with {@code acks=all} and an idempotent
 * producer.
 *
 * <p>A plain {@link KafkaProducer}, not a SmallRye emitter, because ingest must know each event's
 * fate before it answers: an emitter queues messages and hands them to Kafka one by one, each
 * blocking up to {@code max.block.ms} while the broker is down, so a message given up on could still
 * be written minutes later, after its claim was released, and be published twice. Here a batch is
 * handed over synchronously and stops at the first refusal, and every record handed over is
 * acknowledged or failed within {@code delivery.timeout.ms}: Kafka guarantees the callback by then.
 *
 * <p>Tracing: each hand-over is one {@code publish} span, a child of the current (HTTP request) span, and every record
 * carries a {@code traceparent} header naming it, formatted once per batch. With the OpenTelemetry SDK disabled the
 * span is invalid and no header is written.
 */
@ApplicationScoped
public class AcceptedUsagePublisher {
    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper mapper;
    private final Duration outcomeBound;
    private final Tracer tracer;

    public AcceptedUsagePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper mapper, IngestConfig config,
            Tracer tracer) {
        this.mapper = mapper;
        this.tracer = tracer;
        IngestConfig.Kafka k = config.kafka();
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) k.linger().toMillis());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, k.batchSize());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, k.compression());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, k.maxBlock().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(k.deliveryTimeout().toMillis() / 2, 30_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) k.deliveryTimeout().toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "usage-ingest");
        props.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        // send() may block max.block.ms, after which each record completes within delivery.timeout.ms
        this.outcomeBound = k.maxBlock().plus(k.deliveryTimeout()).plusSeconds(2);
    }

    /**
     * Whether the producer knows the accepted topic's partitions (asks the cluster, waiting up to max.block.ms, when
     * it does not yet). Until it does, a hand-over would wait for that metadata and may be refused: readiness says
     * so, and the start-up asks once so that the first request does not pay for it.
     */
    public boolean knowsTopic() {
        try {
            return !producer.partitionsFor(Topics.USAGE_ACCEPTED).isEmpty();
        } catch (org.apache.kafka.common.KafkaException e) {
            return false;
        }
    }

    void warm(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started) {
        if (!knowsTopic()) {
            org.jboss.logging.Logger.getLogger(AcceptedUsagePublisher.class).warnf(
                    "no metadata for %s yet: not ready until the cluster answers for it", Topics.USAGE_ACCEPTED);
        }
    }

    /** How long after hand-over every record's outcome is known. */
    public Duration outcomeBound() {
        return outcomeBound;
    }

    /**
     * Hands the events to Kafka in order. The result has one future per event: completed when
     * Kafka acknowledged it, failed when it did not. If Kafka refuses a hand-over (no metadata
     * within max.block.ms, buffer full), the rest of the batch is not handed over at all and their
     * futures fail at once: none of them can be written later.
     */
    public List<CompletableFuture<Void>> publish(List<UsageAcceptedV1> events) {
        Span span = KafkaTracing.withMessaging(tracer.spanBuilder("publish " + Topics.USAGE_ACCEPTED).setSpanKind(SpanKind.PRODUCER),
                Topics.USAGE_ACCEPTED, "send").setAttribute(KafkaTracing.MESSAGING_BATCH_COUNT, (long) events.size()).startSpan();
        try {
            return publish(events, TraceParent.of(span.getSpanContext()).map(TraceParent::headerValue).orElse(null));
        } finally {
            span.end();
        }
    }

    private List<CompletableFuture<Void>> publish(List<UsageAcceptedV1> events, byte[] traceparent) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        RuntimeException refused = null;
        for (UsageAcceptedV1 e : events) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            if (refused != null) {
                ack.completeExceptionally(refused);
                continue;
            }
            try {
                producer.send(record(e, traceparent), (metadata, failure) -> {
                    if (failure == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException failure) {
                ack.completeExceptionally(failure);
            }
            // KafkaProducer reports a refused hand-over (no metadata within max.block.ms) through the
            // callback, synchronously, rather than by throwing: either way, stop here, or every
            // remaining record would block for max.block.ms too.
            if (ack.isCompletedExceptionally()) {
                refused = new IllegalStateException("Kafka refused the hand-over", ack.handle((v, t) -> t).join());
            }
        }
        return acks;
    }

    private ProducerRecord<String, byte[]> record(UsageAcceptedV1 e, byte[] traceparent) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", utf8(CloudEventTypes.SPEC_VERSION));
        h.add("ce_id", utf8(e.eventId()));
        h.add("ce_source", utf8(CloudEventTypes.platformSource(e.platformId())));
        h.add("ce_type", utf8(CloudEventTypes.USAGE_ACCEPTED));
        h.add("ce_time", utf8(e.acceptedAt().toString()));
        h.add("content-type", utf8("application/json"));
        if (traceparent != null) {
            h.add(TraceParent.HEADER, traceparent);
        }
        try {
            return new ProducerRecord<>(Topics.USAGE_ACCEPTED, null, UsageKeys.key(e.platformId(), e.eventId()),
                    mapper.writeValueAsBytes(e), h);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("an accepted event could not be serialised", ex);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
