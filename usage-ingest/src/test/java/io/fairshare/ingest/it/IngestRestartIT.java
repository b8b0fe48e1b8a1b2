package io.fairshare.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real ingest instances from the packaged application, one database and one broker: an event
 * accepted by one is a duplicate at the other, and still a duplicate after a restart.
 */
class IngestRestartIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(Process::destroyForcibly);
    }

    @Test
    void anEventIsStoredOnceAcrossInstancesAndRestarts() throws Exception {
        String db = TestServers.createDatabase("ingest_restart_it");
        int portA = freePort();
        int portB = freePort();
        Process a = start(db, portA, "a");
        Process b = start(db, portB, "b");
        awaitReady(portA, a);
        awaitReady(portB, b);

        String platform = "restart-" + Long.toHexString(System.nanoTime());
        call(portA, "POST", "/v1/admin/platforms", "Bearer it-operator", Map.of("id", platform, "name", "Restart IT"), 201);
        String token = call(portA, "POST", "/v1/admin/platforms/" + platform + "/keys", "Bearer it-operator", null, 201).get("token").asText();

        List<Map<String, Object>> batch = IngestApi.events("x", 40);
        assertEquals(40, call(portA, "POST", "/v1/usage-events", "Bearer " + token, batch, 200).get("accepted").asInt());
        assertEquals(40, call(portB, "POST", "/v1/usage-events", "Bearer " + token, batch, 200).get("duplicate").asInt(),
                "the other instance knows the ids");

        a.destroyForcibly().waitFor();
        Process a2 = start(db, portA, "a2");
        awaitReady(portA, a2);
        JsonNode again = call(portA, "POST", "/v1/usage-events", "Bearer " + token, batch.subList(30, 40), 200);
        assertEquals(10, again.get("duplicate").asInt(), "ids survive a restart");

        List<ConsumerRecord<String, String>> records = TopicReader.readAll(io.fairshare.contracts.Topics.USAGE_ACCEPTED).stream()
                .filter(r -> r.key().startsWith(platform + "/")).toList();
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertEquals(40, copies.size());
        copies.values().forEach(n -> assertEquals(1L, n));
    }

    private Process start(String jdbcUrl, int port, String name) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first (mvn verify does)");
        Path log = Files.createDirectories(Path.of("target/it-logs")).resolve(name + ".log");
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrap(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + TestServers.username(),
                "-Dquarkus.datasource.password=" + TestServers.password(),
                "-Dfairshare.ingest.operator-token=it-operator",
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        instances.add(p);
        return p;
    }

    private static void awaitReady(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " exited with " + p.exitValue());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("instance on port " + port + " not ready within 60 s");
    }

    private static JsonNode call(int port, String method, String path, String auth, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
