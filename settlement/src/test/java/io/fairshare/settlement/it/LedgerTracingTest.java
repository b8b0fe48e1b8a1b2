package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.service.tracing.KafkaTracing;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.RecordedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settlement's hop of an event's trace: a settle span per resolved record, and the trace id on the ledger row. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class LedgerTracingTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String SETTLE = "settle " + Topics.USAGE_RESOLVED;
    /** Each test its own traces: the recorder holds the spans of every test of the run. */
    final String traceA = newTraceId("a");
    final String traceB = newTraceId("0");
    final String spanA = Long.toHexString(0x1000_0000_0000_0000L | System.nanoTime());
    final String spanB = Long.toHexString(0x2000_0000_0000_0000L | System.nanoTime());

    @Inject
    AgroalDataSource db;
    @Inject
    RecordedSpans spans;

    @Test
    void eachResolvedRecordIsSettledInItsOwnTraceAndTheLedgerRowKeepsTheTraceId() throws Exception {
        String platform = "plat-trace-" + System.nanoTime();
        publishTraced(platform, "00-" + traceA + "-" + spanA + "-01", "00-" + traceB + "-" + spanB + "-01", null);
        SettlementApi.awaitCount(db, 3, "SELECT count(*) FROM usage_event WHERE platform_id = ?", platform);

        SpanData a = settleSpanWithParent(spanA);
        assertEquals(traceA, a.getTraceId());
        assertTrue(a.getParentSpanContext().isRemote());
        assertEquals(SpanKind.CONSUMER, a.getKind());
        assertEquals(Topics.USAGE_RESOLVED, a.getAttributes().get(AttributeKey.stringKey(KafkaTracing.MESSAGING_DESTINATION)));
        assertEquals(traceB, settleSpanWithParent(spanB).getTraceId());

        assertEquals(traceA, traceIdOf(platform, "t-0"));
        assertEquals(traceB, traceIdOf(platform, "t-1"));
        // a record without traceparent: settled in a trace of its own, whose id the row keeps
        String own = traceIdOf(platform, "t-2");
        assertEquals(32, own.length());
        assertNotEquals(traceA, own);
        assertNotEquals(traceB, own);
        List<SpanData> root = spans.await(s -> s.getName().equals(SETTLE) && s.getTraceId().equals(own), 1, WAIT);
        assertFalse(root.get(0).getParentSpanContext().isValid());
    }

    @Test
    void anOperatorGoesFromAStatementLinesUsageToItsTraces() throws Exception {
        String platform = "plat-trace-line-" + System.nanoTime();
        publishTraced(platform, "00-" + traceA + "-" + spanA + "-01", "00-" + traceB + "-" + spanB + "-01");
        SettlementApi.awaitCount(db, 2, "SELECT count(*) FROM usage_event WHERE platform_id = ?", platform);
        // a statement line is (period, party, work, usage type; the period left out here, as other tests close periods): its usage lines name their events, the events their traces
        List<String> traces = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT e.trace_id FROM usage_line l JOIN usage_event e USING (platform_id, event_id)
                WHERE l.party_id = 'p-trace' AND l.work_id = 'w-trace' AND l.usage_type = 'PRE_TRAINING'
                  AND l.platform_id = ? ORDER BY 1""")) {
            ps.setString(1, platform);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    traces.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of(traceB, traceA), traces);
    }

    /** A random trace id that sorts after (first digit a) or before (first digit 0) any other of this class. */
    static String newTraceId(String first) {
        return first + java.util.UUID.randomUUID().toString().replace("-", "").substring(1);
    }

    SpanData settleSpanWithParent(String parentSpanId) {
        List<SpanData> found = spans.await(s -> s.getName().equals(SETTLE) && s.getParentSpanId().equals(parentSpanId), 1, WAIT);
        assertEquals(1, found.size(), "one settle span per record: " + found);
        return found.get(0);
    }

    static void publishTraced(String platform, String... traceparents) throws Exception {
        List<io.fairshare.contracts.usage.UsageResolvedV1> events = new ArrayList<>();
        for (int i = 0; i < traceparents.length; i++) {
            events.add(event(platform, "t-" + i, "2026-06-10T00:00:00Z", 100, "w-trace",
                    line("p-trace", "s-alpha", 10000, LineStatus.LICENSED, "t-ledger")));
        }
        SettlementApi.publish(events, Arrays.asList(traceparents));
    }

    String traceIdOf(String platform, String eventId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT trace_id FROM usage_event WHERE platform_id = ? AND event_id = ?")) {
            ps.setString(1, platform);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), eventId + " is in the ledger");
                return rs.getString(1);
            }
        }
    }
}
