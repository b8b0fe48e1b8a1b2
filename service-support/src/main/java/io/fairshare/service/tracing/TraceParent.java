package io.fairshare.service.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A W3C Trace Context {@code traceparent} value (https://www.w3.org/TR/trace-context/#traceparent-header):
 * {@code 00-<trace id, 32 hex>-<parent span id, 16 hex>-<flags, 2 hex>}. Parsing follows the recommendation's rules:
 * lower-case hex only, neither id all zeros, version {@code ff} invalid, and a later version read by its first four
 * fields when they are followed by the end or a {@code -}.
 */
public record TraceParent(String traceId, String spanId, byte flags) {
    /** The header (HTTP and Kafka) that carries the value. */
    public static final String HEADER = "traceparent";
    private static final int LENGTH = 55;
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    public TraceParent {
        if (!isHex(traceId, 32) || traceId.equals(INVALID_TRACE)) {
            throw new IllegalArgumentException("a trace id is 32 lower-case hex digits, not all zeros: " + traceId);
        }
        if (!isHex(spanId, 16) || spanId.equals(INVALID_SPAN)) {
            throw new IllegalArgumentException("a span id is 16 lower-case hex digits, not all zeros: " + spanId);
        }
    }

    /** The value, if it is a valid {@code traceparent}; empty for null, malformed or invalid ones. */
    public static Optional<TraceParent> parse(String value) {
        if (value == null || value.length() < LENGTH) {
            return Optional.empty();
        }
        String version = value.substring(0, 2);
        if (!isHex(version, 2) || version.equals("ff")) {
            return Optional.empty();
        }
        if (version.equals("00") ? value.length() != LENGTH : value.length() > LENGTH && value.charAt(LENGTH) != '-') {
            return Optional.empty();
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = value.substring(3, 35);
        String spanId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!isHex(traceId, 32) || !isHex(spanId, 16) || !isHex(flags, 2)
                || traceId.equals(INVALID_TRACE) || spanId.equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, (byte) Integer.parseInt(flags, 16)));
    }

    /** The {@code traceparent} naming a span as the parent; empty for an invalid context (no span, SDK disabled). */
    public static Optional<TraceParent> of(SpanContext context) {
        if (context == null || !context.isValid()) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(context.getTraceId(), context.getSpanId(), context.getTraceFlags().asByte()));
    }

    public boolean sampled() {
        return (flags & 0x01) != 0;
    }

    /** The value in version 00. */
    public String format() {
        return "00-" + traceId + '-' + spanId + '-' + Character.forDigit((flags >> 4) & 0xf, 16) + Character.forDigit(flags & 0xf, 16);
    }

    /** {@link #format()} as the UTF-8 bytes of a Kafka header. */
    public byte[] headerValue() {
        return format().getBytes(StandardCharsets.US_ASCII);
    }

    /** The span this value names, as the remote parent of a new span. */
    public SpanContext asRemoteParent() {
        return SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.fromByte(flags), TraceState.getDefault());
    }

    private static boolean isHex(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
