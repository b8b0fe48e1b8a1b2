package io.fairshare.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.testsupport.TestServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A throughput harness, not a check: how many accepted events per second the packaged service resolves (consume,
 * resolve, produce and commit offsets in Kafka transactions), next to Kafka's own ConsumerPerformance reading the
 * same topic on the same broker. Its name matches none of failsafe's default patterns, so {@code verify} never
 * runs (or skips) it; run it on purpose:
 *
 * <pre>./mvnw -B -o -pl rights-registry verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=StreamThroughputBench [-Dfairshare.bench.events=200000]</pre>
 *
 * The catalogue is empty, so every event becomes unmatched usage: the same path (one record out per record in, in
 * the same transaction) as a resolved one, whose resolution costs microseconds. The unmatched-store consumer is
 * switched off so that PostgreSQL inserts do not share the CPU with the stream.
 */
class StreamThroughputBench {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Process service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void resolutionThroughputNextToKafkasConsumerPerformance() throws Exception {
        int events = Integer.getInteger("fairshare.bench.events", 200_000);
        for (String topic : List.of(Topics.USAGE_ACCEPTED, Topics.USAGE_RESOLVED, Topics.USAGE_UNMATCHED)) {
            TestServers.createTopic(topic, 4);
        }
        produce("bench", events);

        String db = TestServers.createDatabase("registry_bench_" + Long.toHexString(System.currentTimeMillis()));
        service = start(db);
        double[] stream;
        try (Admin admin = admin()) {
            stream = measure(admin, events);
        }
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor();
        }
        double streamRate = stream[0];

        String[] perf = consumerPerformance(events);
        double fetchRate = Double.parseDouble(perf[perf.length - 1].trim());
        double totalRate = Double.parseDouble(perf[5].trim());
        System.out.printf("%nSTREAM THROUGHPUT: %d events accepted -> resolved/unmatched in %.1f s: %.0f events/s%n"
                        + "ConsumerPerformance on the same topic: %.0f msg/s (fetch only), %.0f msg/s (with group join)%n"
                        + "ratio stream / ConsumerPerformance fetch: %.3f%n",
                (long) stream[2], stream[1], streamRate, fetchRate, totalRate, streamRate / fetchRate);
        assertTrue(streamRate > 0);
    }

    /** Events per second between the first committed batch and the last; {rate, seconds, events measured}. */
    private double[] measure(Admin admin, int events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        long c0;
        while ((c0 = committed(admin)) == 0) {
            assertTrue(service.isAlive(), "the service exited");
            assertTrue(System.nanoTime() < deadline);
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        long c;
        while ((c = committed(admin)) < events) {
            assertTrue(service.isAlive(), "the service exited");
            assertTrue(System.nanoTime() < deadline, "committed " + c + " of " + events);
            Thread.sleep(20);
        }
        assertEquals(events, c);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new double[] {(events - c0) / seconds, seconds, events - c0};
    }

    private static String[] consumerPerformance(int events) throws Exception {
        Path libs = Path.of(System.getProperty("fairshare.kafka.libs", "../kafka-dist/target/kafka-libs"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", libs.resolve("*").toString(), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", TestServers.kafkaBootstrap(), "--topic", Topics.USAGE_ACCEPTED,
                "--messages", Integer.toString(events), "--group", "perf-" + System.nanoTime(), "--hide-header"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.split(",").length >= 10) {
                    last = line;
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || last == null) {
            throw new IllegalStateException("ConsumerPerformance failed (exit " + rc + "): " + last);
        }
        return last.split(",");
    }

    private static void produce(String platform, int n) throws IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Instant usedAt = Instant.parse("2026-11-02T09:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String eventId = "e-" + i;
                UsageAcceptedV1 u = new UsageAcceptedV1(platform, eventId, "model-x", "2026.1", UsageType.PRE_TRAINING,
                        new WorkRef(List.of(new WorkId(IdScheme.URL, "https://news.example/a/" + i)), null), 1000 + i,
                        UnitKind.TOKENS, usedAt, "KR", "dataset-1", null, usedAt.plusSeconds(1));
                producer.send(new ProducerRecord<>(Topics.USAGE_ACCEPTED, UsageKeys.key(platform, eventId), JSON.writeValueAsString(u)));
            }
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        return Admin.create(props);
    }

    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("rights-registry-resolver")
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.USAGE_ACCEPTED) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private Process start(String jdbcUrl) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first (mvn verify does)");
        Path log = Files.createDirectories(Path.of("target/it-logs")).resolve("bench.log");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrap(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + TestServers.username(),
                "-Dquarkus.datasource.password=" + TestServers.password(),
                "-Dfairshare.resolution.instance-id=bench",
                "-Dmp.messaging.incoming.usage-unmatched-store.enabled=false"));
        String extra = System.getProperty("fairshare.bench.service-args", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
