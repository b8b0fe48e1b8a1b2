package io.fairshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The meter names found in the services' sources, normalised as Micrometer's Prometheus registry names them. */
class EmittedMetricsTest {
    @Test
    void registryCountersWithTagsBecomeTotalsWithLabels() {
        String source = """
                class A {
                    void f(MeterRegistry meters) {
                        meters.counter("fairshare.payout.statements", "outcome", outcome.name()).increment();
                        meters.counter("fairshare.registry.back-claims");
                        r.summary();
                    }
                }
                """;
        assertEquals(Map.of("fairshare_payout_statements_total", Set.of("outcome"),
                "fairshare_registry_back_claims_total", Set.of()), EmittedMetrics.scanSource(source));
    }

    @Test
    void buildersGaugesAndTimersFollowMicrometersPrometheusNaming() {
        String source = """
                class B {
                    static final String ALARMS = "fairshare.payout.reconciliation.alarms";
                    void f(MeterRegistry registry) {
                        Gauge.builder(ALARMS, this, B::alarms).register(registry);
                        Timer.builder("fairshare.close.duration").tag("period", p).publishPercentileHistogram().register(registry);
                        DistributionSummary.builder("fairshare.batch.size").baseUnit("events").register(registry);
                        registry.gauge("fairshare.queue.depth", Tags.of("queue", q), list, List::size);
                    }
                }
                """;
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("fairshare_payout_reconciliation_alarms", Set.of());
        expected.put("fairshare_close_duration_seconds_count", Set.of("period"));
        expected.put("fairshare_close_duration_seconds_sum", Set.of("period"));
        expected.put("fairshare_close_duration_seconds_max", Set.of("period"));
        expected.put("fairshare_close_duration_seconds_bucket", Set.of("period", "le"));
        expected.put("fairshare_batch_size_events_count", Set.of());
        expected.put("fairshare_batch_size_events_sum", Set.of());
        expected.put("fairshare_batch_size_events_max", Set.of());
        expected.put("fairshare_queue_depth", Set.of("queue"));
        assertEquals(expected, EmittedMetrics.scanSource(source));
    }

    @Test
    void theServicesEmitTheseFairshareMetricsToday() {
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("fairshare_ingest_events_total", Set.of("platform", "outcome"));
        expected.put("fairshare_ingest_rejections_total", Set.of("platform", "code"));
        expected.put("fairshare_ingest_batch_duration_seconds_count", Set.of("platform"));
        expected.put("fairshare_ingest_batch_duration_seconds_sum", Set.of("platform"));
        expected.put("fairshare_ingest_batch_duration_seconds_max", Set.of("platform"));
        expected.put("fairshare_ingest_batch_duration_seconds_bucket", Set.of("platform", "le"));
        expected.put("fairshare_registry_usage_total", Set.of("outcome"));
        expected.put("fairshare_registry_stream_rewinds_total", Set.of());
        expected.put("fairshare_registry_back_claims_total", Set.of());
        // Other modules add meters as they grow (payout's adapters); these must stay found as they are.
        Map<String, Set<String>> found = new TreeMap<>();
        expected.keySet().forEach(name -> found.put(name, DeployFiles.emitted().get(name)));
        assertEquals(expected, found);
    }
}
