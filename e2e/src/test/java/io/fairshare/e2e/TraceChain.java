package io.fairshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.service.tracing.KafkaTracing;
import io.fairshare.service.tracing.TraceParent;
import io.fairshare.stack.RunningStack;
import io.fairshare.testsupport.TopicReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One event's trace across the three services of the running stack, read off what they wrote: ingest's record on the
 * accepted topic names its publish span, the registry's resolved or unmatched record names a resolve span of the same
 * trace, and settlement's ledger row keeps that trace's id. The stack runs with tracing on and nothing sampled (e2e's
 * pom), so every id is real and no span is exported.
 */
final class TraceChain {
    private static final Duration READ = Duration.ofSeconds(60);

    private TraceChain() {
    }

    /**
     * Checks every record the resolution stream wrote (back-claims aside: they start traces of their own), and the
     * ledger row of one event; returns how many records were checked.
     */
    static int check(RunningStack running, String platformId, String eventId) throws Exception {
        Map<String, Set<String>> acceptedTraces = new HashMap<>();
        Set<String> acceptedSpans = new HashSet<>();
        for (ConsumerRecord<String, String> r : TopicReader.readAll(running.kafkaBootstrap(), Topics.USAGE_ACCEPTED, READ)) {
            TraceParent tp = KafkaTracing.read(r.headers()).orElseThrow(() -> new AssertionError("no traceparent on accepted " + r.key()));
            acceptedTraces.computeIfAbsent(r.key(), k -> new HashSet<>()).add(tp.traceId());
            acceptedSpans.add(tp.spanId());
        }
        int checked = 0;
        for (String topic : List.of(Topics.USAGE_RESOLVED, Topics.USAGE_UNMATCHED)) {
            for (ConsumerRecord<String, String> r : TopicReader.readAll(running.kafkaBootstrap(), topic, READ)) {
                if (r.value().contains("\"backClaim\":true")) {
                    continue;
                }
                TraceParent tp = KafkaTracing.read(r.headers()).orElseThrow(() -> new AssertionError("no traceparent on " + topic + " " + r.key()));
                Set<String> traces = acceptedTraces.getOrDefault(r.key(), Set.of());
                assertTrue(traces.contains(tp.traceId()), r.key() + " on " + topic + " is in trace " + tp.traceId() + ", its accepted copies in " + traces);
                assertTrue(!acceptedSpans.contains(tp.spanId()), r.key() + " on " + topic + " names the registry's span, not ingest's");
                checked++;
            }
        }

        String key = UsageKeys.key(platformId, eventId);
        Set<String> traces = acceptedTraces.get(key);
        assertEquals(1, traces.size(), key + " was published once");
        String trace = traces.iterator().next();
        assertNotEquals(null, trace);
        try (Connection c = DriverManager.getConnection(running.jdbcUrls().get("settlement"), running.username(), running.password());
             PreparedStatement ps = c.prepareStatement("SELECT trace_id FROM usage_event WHERE platform_id = ? AND event_id = ?")) {
            ps.setString(1, platformId);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), key + " is in settlement's ledger");
                assertEquals(trace, rs.getString(1), "the ledger row of " + key + " keeps the trace begun by its HTTP request");
            }
        }
        return checked;
    }
}
