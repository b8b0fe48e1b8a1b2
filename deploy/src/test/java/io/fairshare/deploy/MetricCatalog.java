package io.fairshare.deploy;

import java.util.Map;
import java.util.Set;

/**
 * Series a dashboard may query besides the services' own meters (found by {@link EmittedMetrics}),
 * each with its labels. Everything here is named on purpose; a name not here and not emitted fails.
 */
final class MetricCatalog {
    /** Labels Prometheus adds to every scraped series. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    /**
     * Emitted by Quarkus or Prometheus, not by the services' code: Kafka client metrics (Micrometer's
     * KafkaClientMetrics, bound by quarkus-micrometer's Kafka binder for every consumer and producer
     * SmallRye creates; names "kafka." + group without "-metrics" + name, dashes to dots), the HTTP
     * server binder, the JVM binders and Prometheus' own {@code up}.
     */
    static final Map<String, Set<String>> KNOWN = Map.of(
            "kafka_consumer_fetch_manager_records_lag", Set.of("client_id", "kafka_version", "topic", "partition"),
            "kafka_consumer_fetch_manager_records_lag_max", Set.of("client_id", "kafka_version", "topic", "partition"),
            "kafka_consumer_fetch_manager_records_consumed_total", Set.of("client_id", "kafka_version", "topic"),
            "kafka_producer_record_send_total", Set.of("client_id", "kafka_version"),
            "http_server_requests_seconds_count", Set.of("method", "uri", "status", "outcome"),
            "http_server_requests_seconds_sum", Set.of("method", "uri", "status", "outcome"),
            "jvm_memory_used_bytes", Set.of("area", "id"),
            "process_cpu_usage", Set.of(),
            "up", Set.of());

    /**
     * Meters a dashboard may show before any service emits them (a panel prepared for a meter being written),
     * each with its labels. Empty today: settlement and payout emit every meter the dashboard queries.
     */
    static final Map<String, Set<String>> PENDING = Map.of();

    private MetricCatalog() {
    }
}
