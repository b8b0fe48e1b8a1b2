package io.fairshare.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.Topics;
import io.fairshare.testsupport.TestServers;
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

/**
 * The packaged usage-ingest application as a separate process against the shared test broker and
 * database, for tests that restart it or kill it with SIGKILL ({@link #kill()}).
 */
final class PackagedIngest implements AutoCloseable {
    static final String OPERATOR = "Bearer it-operator";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    private final Process process;

    private PackagedIngest(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts an instance on {@code port} (0: a free one) and waits until it is ready. */
    static PackagedIngest start(String jdbcUrl, int port, String name, Map<String, String> extraConfig) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first (mvn verify does)");
        // As the stack and deploy/ do: the topic exists before the first publish. Left to the broker's
        // auto-creation, the idempotent producer's first batches can race the new partitions' leaders
        // and be refused with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout (a 503 here).
        TestServers.createTopic(Topics.USAGE_ACCEPTED, 4);
        int p = port == 0 ? freePort() : port;
        Path log = Files.createDirectories(Path.of("target/it-logs")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + p,
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrap(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + TestServers.username(),
                "-Dquarkus.datasource.password=" + TestServers.password(),
                "-Dfairshare.ingest.operator-token=it-operator"));
        extraConfig.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedIngest instance = new PackagedIngest(p, process);
        try {
            instance.awaitReady();
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        return instance;
    }

    /** SIGKILL: no shutdown hook, no drain, exactly what a crashed machine does to the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Creates a platform and returns a fresh API key's bearer token for it. */
    String newPlatform(String platformId) throws Exception {
        call("POST", "/v1/admin/platforms", OPERATOR, Map.of("id", platformId, "name", platformId), 201);
        return "Bearer " + call("POST", "/v1/admin/platforms/" + platformId + "/keys", OPERATOR, null, 201).get("token").asText();
    }

    JsonNode call(String method, String path, String auth, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(method, path, auth, body, Duration.ofSeconds(30));
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    HttpResponse<String> send(String method, String path, String auth, Object body, Duration timeout) throws IOException, InterruptedException {
        return send(method, path, auth, body, timeout, Map.of());
    }

    HttpResponse<String> send(String method, String path, String auth, Object body, Duration timeout, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth).timeout(timeout);
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " exited with " + process.exitValue());
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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
