package io.fairshare.bench;

import io.fairshare.contracts.Topics;
import io.fairshare.servers.Locations;
import io.fairshare.stack.pipeline.ServiceClient;
import io.fairshare.servers.ManagedProcess;
import io.fairshare.servers.ServerSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest throughput over HTTP, with Kafka's own producer throughput on the same broker, in the
 * same run, as the base of the ratio. Starts its own Kafka and PostgreSQL (or uses
 * KAFKA_BOOTSTRAP_SERVERS / FAIRSHARE_JDBC_URL), and the packaged usage-ingest as a child JVM.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int events = Integer.parseInt(o.getOrDefault("events", "500000"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "1000"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "4"));
        long baselineRecords = Long.parseLong(o.getOrDefault("baseline-records", "1000000"));
        Path root = Locations.projectRoot().orElse(Path.of("").toAbsolutePath());
        Path jar = root.resolve("usage-ingest/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -q install -DskipTests)");
        }
        Path home = Files.createDirectories(root.resolve(".fairshare/bench"));
        try (ServerSet servers = ServerSet.start(ServerSet.Options.defaults().workDir(home.resolve("servers")).deleteWorkDir(true))) {
            String bootstrap = servers.kafka().bootstrapServers();
            servers.kafka().createTopic(Topics.USAGE_ACCEPTED, 4);
            servers.kafka().createTopic("bench.baseline", 4);
            String jdbc = servers.postgres().createDatabase("ingest_bench");

            int recordSize = sampleRecordSize();
            System.out.printf("baseline: Kafka ProducerPerformance, %,d records of %d bytes, acks=all, idempotent, lz4...%n", baselineRecords, recordSize);
            KafkaBaseline.Result base = KafkaBaseline.run(Locations.kafkaLibs(), bootstrap, "bench.baseline", baselineRecords, recordSize);
            System.out.println("  " + base.summary());

            int port = Bench.freePort();
            ProcessBuilder pb = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + bootstrap,
                    "-Dquarkus.datasource.jdbc.url=" + jdbc,
                    "-Dquarkus.datasource.username=" + servers.postgres().username(),
                    "-Dquarkus.datasource.password=" + servers.postgres().password(),
                    "-Dfairshare.ingest.operator-token=bench",
                    "-Dfairshare.ingest.rate-limit.enabled=false",
                    "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(home.resolve("usage-ingest.log").toFile());
            ManagedProcess ingest = ManagedProcess.start(pb, "TERM");
            try {
                String base64 = "http://127.0.0.1:" + port;
                Bench.awaitReady(base64 + "/q/health/ready", Duration.ofSeconds(90));
                ServiceClient admin = new ServiceClient(base64, "bench", Duration.ofSeconds(30));
                admin.post("/v1/admin/platforms", Map.of("id", "bench", "name", "Benchmark platform"));
                String token = admin.post("/v1/admin/platforms/bench/keys", null).get("token").asText();
                URI endpoint = URI.create(base64 + "/v1/usage-events");
                String auth = "Bearer " + token;

                int warmup = Math.max(20, 20 * connections);
                System.out.printf("warm-up: %d requests of %d events%n", warmup, batch);
                HttpLoad.run(endpoint, auth, connections, warmup, batch, i -> body("w" + i, batch), false);
                int requests = events / batch;
                System.out.printf("measured: %,d requests of %,d events from %d connections%n", requests, batch, connections);
                HttpLoad.Result r = HttpLoad.run(endpoint, auth, connections, requests, batch, i -> body("m" + i, batch), true);
                report(base, r, batch, connections, baselineRecords, recordSize, root);
            } finally {
                ingest.stop(Duration.ofSeconds(15));
            }
        }
    }

    private static void report(KafkaBaseline.Result base, HttpLoad.Result r, int batch, int connections, long baselineRecords,
                               int recordSize, Path root) throws IOException {
        double ratio = r.eventsPerSecond() / base.recordsPerSecond();
        String machine = Bench.machine();
        String md = String.format("""
                | date | machine | accepted events/s | Kafka producer records/s (same broker, same run) | ratio | p50 | p99 | max | failed requests |
                |---|---|---|---|---|---|---|---|---|
                | %s | %s | %,.0f | %,.0f | %.3f | %.1f ms | %.1f ms | %.1f ms | %d |

                Run: %,d requests of %,d events from %d connections, %.1f s; baseline %,d records of %d bytes.
                """, LocalDate.now(), machine, r.eventsPerSecond(), base.recordsPerSecond(), ratio,
                r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, r.failedRequests(),
                r.requests(), batch, connections, r.seconds(), baselineRecords, recordSize);
        System.out.println();
        System.out.println(md);
        Bench.write(root, "ingest", md);
    }

    /** A batch of distinct events over a few works, as JSON. */
    static byte[] body(String prefix, int n) {
        StringBuilder sb = new StringBuilder(n * 330);
        sb.append('[');
        String usedAt = Instant.now().minusSeconds(600).toString();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"eventId\":\"").append(prefix).append('-').append(i)
                    .append("\",\"modelId\":\"hanbit-llm\",\"modelVersion\":\"2.1\",\"usageType\":\"pre-training\",")
                    .append("\"work\":{\"identifiers\":[{\"scheme\":\"isbn\",\"value\":\"").append(ISBNS[i % ISBNS.length])
                    .append("\"}]},\"units\":").append(1000 + i).append(",\"unitKind\":\"tokens\",\"usedAt\":\"").append(usedAt)
                    .append("\",\"territory\":\"KR\"}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Valid ISBN-13s (check digits computed, not typed), one per work of a small catalogue. */
    static final String[] ISBNS = {isbn13("978030640615"), isbn13("978893746180"), isbn13("979116254064"),
            isbn13("978014044913"), isbn13("978893643412")};

    static String isbn13(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return first12 + (10 - sum % 10) % 10;
    }

    /** The size of one accepted event as ingest writes it, for the baseline's record size. */
    static int sampleRecordSize() {
        String one = new String(body("size-probe", 1), StandardCharsets.UTF_8);
        // the accepted form adds platformId and acceptedAt (about 70 bytes) to the posted event
        return one.length() - 2 + 70;
    }




    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
