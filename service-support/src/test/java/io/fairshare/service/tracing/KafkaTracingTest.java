package io.fairshare.service.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaTracingTest {
    static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aRecordsSpanIsAChildOfTheSpanItsTraceparentNames() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = provider.get("test");
            RecordHeaders in = headers(INCOMING);
            Span span = KafkaTracing.startChild(tracer, "resolve", SpanKind.CONSUMER, in, "topic.in", "process");
            RecordHeaders out = new RecordHeaders();
            KafkaTracing.write(out, span.getSpanContext());
            span.end();

            SpanData recorded = exporter.getFinishedSpanItems().get(0);
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", recorded.getTraceId());
            assertEquals("00f067aa0ba902b7", recorded.getParentSpanId());
            assertTrue(recorded.getParentSpanContext().isRemote());
            assertEquals(SpanKind.CONSUMER, recorded.getKind());
            assertEquals("topic.in", recorded.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(KafkaTracing.MESSAGING_DESTINATION)));
            TraceParent written = KafkaTracing.read(out).orElseThrow();
            assertEquals(recorded.getTraceId(), written.traceId());
            assertEquals(recorded.getSpanId(), written.spanId());
        }
    }

    @Test
    void aRecordWithoutTraceparentStartsANewTrace() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            KafkaTracing.startChild(provider.get("test"), "resolve", SpanKind.CONSUMER, headers("not-a-traceparent"), "t", "process").end();
            SpanData recorded = exporter.getFinishedSpanItems().get(0);
            assertFalse(recorded.getParentSpanContext().isValid());
            assertTrue(recorded.getSpanContext().isValid());
        }
    }

    @Test
    void withTheSdkDisabledTheIncomingTraceIsPassedOnUnchanged() {
        Tracer noop = OpenTelemetry.noop().getTracer("test");
        Span span = KafkaTracing.startChild(noop, "resolve", SpanKind.CONSUMER, headers(INCOMING), "t", "process");
        RecordHeaders out = new RecordHeaders();
        KafkaTracing.write(out, span.getSpanContext());
        assertEquals(INCOMING, new String(out.lastHeader(TraceParent.HEADER).value(), StandardCharsets.US_ASCII));

        Span none = KafkaTracing.startChild(noop, "resolve", SpanKind.CONSUMER, new RecordHeaders(), "t", "process");
        RecordHeaders nothing = new RecordHeaders();
        KafkaTracing.write(nothing, none.getSpanContext());
        assertNull(nothing.lastHeader(TraceParent.HEADER));
    }

    @Test
    void writingReplacesAnEarlierTraceparent() {
        RecordHeaders h = headers(INCOMING);
        TraceParent other = TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
        KafkaTracing.write(h, other.asRemoteParent());
        assertEquals(1, h.toArray().length);
        assertEquals(Optional.of(other), KafkaTracing.read(h));
    }

    static RecordHeaders headers(String traceparent) {
        RecordHeaders h = new RecordHeaders();
        h.add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        return h;
    }
}
