package io.fairshare.settlement.messaging;

import io.fairshare.contracts.Channels;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.service.tracing.KafkaTracing;
import io.fairshare.settlement.application.UsageLedger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads resolved usage in batches and appends each batch to the ledger in one database transaction.
 * The connector acknowledges the batch when this method returns, i.e. after the commit; the
 * throttled commit strategy then commits the offsets. A crash in between redelivers the batch, and
 * the ledger's {@code (platform_id, event_id)} key makes that harmless.
 *
 * <p>Tracing, explicit (the connector's own tracing is off on this channel): each record gets a
 * {@value #SETTLE_SPAN} span, a child of the span its {@code traceparent} names (the registry's resolve span), open
 * while its batch is appended; the event's trace id is stored with its ledger row ({@code usage_event.trace_id}).
 */
@ApplicationScoped
public class UsageLedgerConsumer {
    private static final Logger LOG = Logger.getLogger(UsageLedgerConsumer.class);
    static final String SETTLE_SPAN = "settle " + Topics.USAGE_RESOLVED;

    private final UsageLedger ledger;
    private final Tracer tracer;

    public UsageLedgerConsumer(UsageLedger ledger, Tracer tracer) {
        this.ledger = ledger;
        this.tracer = tracer;
    }

    @Incoming(Channels.USAGE_RESOLVED_IN)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, UsageResolvedV1> batch) {
        List<UsageResolvedV1> readable = new ArrayList<>(batch.count());
        List<String> traceIds = new ArrayList<>(batch.count());
        List<Span> spans = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, UsageResolvedV1> r : batch) {
            if (r.value() == null) {
                LOG.warn("a resolved-usage record could not be read as JSON and was skipped");
                continue;
            }
            Span span = KafkaTracing.startChild(tracer, SETTLE_SPAN, SpanKind.CONSUMER, r.headers(), Topics.USAGE_RESOLVED, "process");
            SpanContext context = span.getSpanContext();
            readable.add(r.value());
            traceIds.add(context.isValid() ? context.getTraceId() : null);
            spans.add(span);
        }
        try {
            ledger.append(readable, traceIds);
        } catch (RuntimeException e) {
            for (Span span : spans) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, "the batch was not appended to the ledger");
            }
            throw e;
        } finally {
            for (Span span : spans) {
                span.end();
            }
        }
    }
}
