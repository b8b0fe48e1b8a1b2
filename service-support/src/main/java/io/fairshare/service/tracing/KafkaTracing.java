package io.fairshare.service.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context in Kafka record headers, written and read explicitly (the connector's own tracing is off on
 * the pipeline's channels; see each service's README, "Tracing"). A record carries one {@code traceparent}: the span
 * that produced it. A consumer starts its span as a child of that one, so that an event's spans in every service form
 * one trace. {@code tracestate} is not carried.
 *
 * <p>With the OpenTelemetry SDK disabled the tracer is a no-op: {@link #startChild} then answers a span that only
 * carries the incoming context, so a service without tracing passes a record's trace on unchanged, and writes no
 * header when it received none.
 */
public final class KafkaTracing {
    public static final String MESSAGING_SYSTEM = "messaging.system";
    public static final String MESSAGING_DESTINATION = "messaging.destination.name";
    public static final String MESSAGING_OPERATION = "messaging.operation.type";
    public static final String MESSAGING_BATCH_COUNT = "messaging.batch.message_count";

    private KafkaTracing() {
    }

    /** The record's {@code traceparent}, if it carries a valid one (the last one, if several). */
    public static Optional<TraceParent> read(Headers headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Header h = headers.lastHeader(TraceParent.HEADER);
        return h == null || h.value() == null ? Optional.empty() : TraceParent.parse(new String(h.value(), StandardCharsets.US_ASCII));
    }

    /** The context to parent a span on: the record's remote span, or the root context if it carries none. */
    public static Context parentOf(Headers headers) {
        return read(headers).map(tp -> Context.root().with(Span.wrap(tp.asRemoteParent()))).orElse(Context.root());
    }

    /** Replaces the record's {@code traceparent} by one naming the span; removes it if the span is invalid. */
    public static void write(Headers headers, SpanContext span) {
        headers.remove(TraceParent.HEADER);
        TraceParent.of(span).ifPresent(tp -> headers.add(TraceParent.HEADER, tp.headerValue()));
    }

    /**
     * Starts a span for one record: a child of the span named by the record's {@code traceparent}, or a new trace's
     * root when it carries none.
     */
    public static Span startChild(Tracer tracer, String name, SpanKind kind, Headers headers, String topic, String operation) {
        SpanBuilder b = tracer.spanBuilder(name).setSpanKind(kind).setParent(parentOf(headers));
        return withMessaging(b, topic, operation).startSpan();
    }

    /** The messaging attributes every Kafka span carries (OpenTelemetry semantic conventions). */
    public static SpanBuilder withMessaging(SpanBuilder b, String topic, String operation) {
        return b.setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(MESSAGING_DESTINATION, topic).setAttribute(MESSAGING_OPERATION, operation);
    }
}
