package io.fairshare.testsupport;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Records every finished span of a {@code @QuarkusTest} run in memory, for assertions on traces. Quarkus adds every
 * {@link SpanProcessor} bean to its tracer provider, so a service's tests get this one from test-support's bean
 * archive; it records synchronously when a span ends (no batch delay to wait out), beside whatever exporter is
 * configured. Tests must run with the SDK enabled ({@code %test.quarkus.otel.sdk.disabled=false}); with it disabled
 * no span is ever recorded.
 *
 * <p>The newest {@value #LIMIT} spans are kept, so that a long test run does not hold every span it ever made: a test
 * looks at the spans of what it just did.
 */
@Singleton
public class RecordedSpans implements SpanProcessor {
    /** How many finished spans are kept; the oldest are dropped beyond it. */
    public static final int LIMIT = 50_000;
    private final ConcurrentLinkedDeque<SpanData> finished = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        finished.addLast(span.toSpanData());
        if (size.incrementAndGet() > LIMIT && finished.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** The finished spans kept, oldest first. */
    public List<SpanData> finished() {
        return new ArrayList<>(finished);
    }

    /** The finished spans that match, oldest first. */
    public List<SpanData> matching(Predicate<SpanData> filter) {
        List<SpanData> out = new ArrayList<>();
        for (Iterator<SpanData> it = finished.iterator(); it.hasNext(); ) {
            SpanData s = it.next();
            if (filter.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Waits until at least {@code count} finished spans match and returns them.
     *
     * @throws AssertionError naming what was recorded when the timeout passed
     */
    public List<SpanData> await(Predicate<SpanData> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SpanData> found = matching(filter);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching spans within " + timeout.toMillis() + " ms, found "
                        + found.size() + " (of " + size.get() + " recorded)");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for spans", e);
            }
        }
    }

    /** A filter: spans of this name and kind. */
    public static Predicate<SpanData> named(String name, SpanKind kind) {
        return s -> s.getName().equals(name) && s.getKind() == kind;
    }

    /** A filter: spans of this trace. */
    public static Predicate<SpanData> inTrace(String traceId) {
        return s -> s.getTraceId().equals(traceId);
    }
}
