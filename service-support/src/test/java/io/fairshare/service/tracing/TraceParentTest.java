package io.fairshare.service.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceParentTest {
    static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theRecommendationsExampleIsReadFieldByField() {
        TraceParent tp = TraceParent.parse(EXAMPLE).orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", tp.traceId());
        assertEquals("00f067aa0ba902b7", tp.spanId());
        assertEquals(1, tp.flags());
        assertTrue(tp.sampled());
        assertEquals(EXAMPLE, tp.format());
    }

    @Test
    void unsampledAndOtherFlagsSurviveTheRoundTrip() {
        String unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        assertFalse(TraceParent.parse(unsampled).orElseThrow().sampled());
        assertEquals(unsampled, TraceParent.parse(unsampled).orElseThrow().format());
        String random = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03";
        assertEquals(random, TraceParent.parse(random).orElseThrow().format());
    }

    @Test
    void malformedOrInvalidValuesAreNotRead() {
        for (String bad : new String[] {
                null, "", "garbage",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // trace id all zeros
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // span id all zeros
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // version ff
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has exactly four fields
                "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", // a dash out of place
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", // a later version: a dash after the fields
        }) {
            assertEquals(Optional.empty(), TraceParent.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void aLaterVersionIsReadByItsFirstFourFields() {
        TraceParent tp = TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next").orElseThrow();
        assertEquals("00f067aa0ba902b7", tp.spanId());
        assertEquals(EXAMPLE, tp.format());
    }

    @Test
    void aSpanContextBecomesATraceParentAndBackARemoteParent() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        TraceParent tp = TraceParent.of(span).orElseThrow();
        assertEquals(EXAMPLE, tp.format());
        SpanContext parent = tp.asRemoteParent();
        assertTrue(parent.isRemote());
        assertEquals(span.getTraceId(), parent.getTraceId());
        assertEquals(span.getSpanId(), parent.getSpanId());
        assertTrue(parent.isSampled());
        assertEquals(Optional.empty(), TraceParent.of(SpanContext.getInvalid()));
    }

    @Test
    void idsAreCheckedOnConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new TraceParent("abc", "00f067aa0ba902b7", (byte) 1));
        assertThrows(IllegalArgumentException.class, () -> new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "0000000000000000", (byte) 1));
    }
}
