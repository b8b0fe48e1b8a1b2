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
import io.fairshare.testsupport.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hard requirement: the packaged service, killed with SIGKILL while it resolves, restarted, still
 * writes every accepted event exactly once across the resolved and unmatched topics (read_committed).
 */
class ResolutionCrashIT {
    static final int EVENTS = 20_000;
    static final String GROUP = "rights-registry-resolver";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    final List<Process> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcceptedEventIsResolvedExactlyOnceThoughTheServiceIsKilledMidStream() throws Exception {
        for (String topic : List.of(Topics.USAGE_ACCEPTED, Topics.USAGE_RESOLVED, Topics.USAGE_UNMATCHED)) {
            TestServers.createTopic(topic, 4);
        }
        String db = TestServers.createDatabase("registry_crash_it_" + Long.toHexString(System.currentTimeMillis()));
        String platform = "crash-" + Long.toHexString(System.nanoTime());
        int port = freePort();

        // a backlog, so that the service is always inside a transaction while it works through it
        produce(platform, EVENTS);
        Process first = start(db, port, "first");
        long committedAtKill;
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // kill once some batches are committed and a transaction has written output it has not committed yet
            while ((committedAtKill = committed(admin)) < 1_000 || !openTransactionHoldsOutput(admin)) {
                assertTrue(System.nanoTime() < deadline, "no open transaction with output seen within 120 s (committed: "
                        + committedAtKill + ")");
                assertTrue(first.isAlive(), "the service exited");
            }
            first.destroyForcibly().waitFor();
            committedAtKill = committed(admin);
        }
        assertTrue(committedAtKill < EVENTS, "killed after " + committedAtKill + " of " + EVENTS + ": not mid-stream");

        Process second = start(db, port, "second");
        awaitReady(port, second);

        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            out.clear();
            out.addAll(ours(TopicReader.readAll(Topics.USAGE_RESOLVED), platform));
            out.addAll(ours(TopicReader.readAll(Topics.USAGE_UNMATCHED), platform));
            if (out.size() >= EVENTS || System.nanoTime() > deadline) {
                break;
            }
            assertTrue(second.isAlive(), "the restarted service exited");
            Thread.sleep(500);
        }
        Map<String, Long> copies = out.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        List<String> duplicated = copies.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).limit(10).toList();
        assertEquals(List.of(), duplicated, "events written more than once");
        assertEquals(EVENTS, copies.size(), "distinct events across the resolved and unmatched topics");
        assertEquals(EVENTS, out.size());
        long uncommittedCopies = readUncommitted(platform);
        System.out.printf("killed after %d committed of %d; read_uncommitted sees %d records of this run (aborted ones included)%n",
                committedAtKill, EVENTS, uncommittedCopies);
        assertTrue(uncommittedCopies > EVENTS, "the kill left written output of an open transaction behind, which was aborted");
    }

    static List<ConsumerRecord<String, String>> ours(Collection<ConsumerRecord<String, String>> records, String platform) {
        return records.stream().filter(r -> r.key() != null && r.key().startsWith(platform + "/")).toList();
    }

    private static void produce(String platform, int n) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            Instant usedAt = Instant.parse("2026-11-02T09:00:00Z");
            for (int i = 0; i < n; i++) {
                String eventId = "e-" + i;
                // a few events carry no identifier at all, the rest an identifier no work carries
                List<WorkId> ids = i % 50 == 0 ? List.of() : List.of(new WorkId(IdScheme.URL, "https://news.example/a/" + i));
                UsageAcceptedV1 u = new UsageAcceptedV1(platform, eventId, "model", "1", UsageType.PRE_TRAINING,
                        new WorkRef(ids, null), 100 + i, UnitKind.TOKENS, usedAt, "KR", null, null, usedAt.plusSeconds(1));
                producer.send(new ProducerRecord<>(Topics.USAGE_ACCEPTED, UsageKeys.key(platform, eventId), JSON.writeValueAsString(u)));
            }
            producer.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        return Admin.create(props);
    }

    /** The resolver group's committed offsets on the accepted topic, summed: the events whose outcome is committed. */
    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.USAGE_ACCEPTED) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Whether some output partition's end is past its last stable offset: a transaction has written and not ended. */
    private static boolean openTransactionHoldsOutput(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(Topics.USAGE_RESOLVED, Topics.USAGE_UNMATCHED)) {
            for (int p = 0; p < 4; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> stable = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
        return end.entrySet().stream().anyMatch(e -> e.getValue().offset() > stable.get(e.getKey()).offset());
    }

    private static long readUncommitted(String platform) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long n = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : List.of(Topics.USAGE_RESOLVED, Topics.USAGE_UNMATCHED)) {
                List<TopicPartition> tps = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                c.assign(tps);
                c.seekToBeginning(tps);
                Map<TopicPartition, Long> end = c.endOffsets(tps);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        if (r.key() != null && r.key().startsWith(platform + "/")) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    private Process start(String jdbcUrl, int port, String name) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first (mvn verify does)");
        Path log = Files.createDirectories(Path.of("target/it-logs")).resolve("crash-" + name + ".log");
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrap(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + TestServers.username(),
                "-Dquarkus.datasource.password=" + TestServers.password(),
                // the same instance after the restart: its transactional id fences the killed run's open transaction
                "-Dfairshare.resolution.instance-id=crash-it",
                // the killed consumer leaves the group after 6 s rather than 45 s
                "-Dfairshare.resolution.consumer.session.timeout.ms=6000",
                "-Dfairshare.resolution.consumer.heartbeat.interval.ms=1000",
                "-Dmp.messaging.incoming.usage-unmatched-store.session.timeout.ms=6000",
                "-Dmp.messaging.incoming.usage-unmatched-store.heartbeat.interval.ms=1000",
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        instances.add(p);
        return p;
    }

    private static void awaitReady(int port, Process p) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the service on port " + port + " exited with " + p.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service on port " + port + " was not ready within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
