package io.fairshare.registry.bench;

import io.fairshare.testsupport.TestServers;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a CSV of N works (default 1,000,000; one share row each, parties shared by three works, every third row
 * with a society mandate) and imports it through the running service's real import path: it starts Kafka and
 * PostgreSQL (test-support), launches the packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child
 * JVM against them, streams the file to {@code POST /v1/imports/csv} and prints the time and the report's counts.
 *
 * <pre>
 *   ./mvnw -B -q -pl rights-registry package -DskipTests
 *   java -cp "$(cat cp.txt)" io.fairshare.registry.bench.ImportBenchmark [works]
 * </pre>
 * (cp.txt: {@code dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test} plus target/test-classes.)
 * {@code -Dbench.service.jvm-args="..."} passes JVM options to the service (a JFR recording, for instance).
 */
public final class ImportBenchmark {
    private static final String TOKEN = "bench-authority-token";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int works = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path jar = Path.of(args.length > 1 ? args[1] : "rights-registry/target/quarkus-app/quarkus-run.jar");
        Path csv = Files.createTempFile("registry-bench-", ".csv");
        long t0 = System.nanoTime();
        long bytes = generate(csv, works);
        System.out.printf("generated %,d works (%,d bytes) in %d ms%n", works, bytes, (System.nanoTime() - t0) / 1_000_000);

        TestServers.kafkaBootstrap();
        String jdbc = TestServers.createDatabase("registry_bench_" + System.currentTimeMillis());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx3g",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbc,
                "-Dquarkus.datasource.username=" + TestServers.username(),
                "-Dquarkus.datasource.password=" + TestServers.password(),
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrap(),
                "-Dfairshare.registry.authority-token=" + TOKEN,
                "-jar", jar.toString()));
        String extra = System.getProperty("bench.service.jvm-args", "").trim();
        if (!extra.isEmpty()) {
            // e.g. -XX:StartFlightRecording=filename=/tmp/import.jfr,settings=profile to profile the import
            cmd.addAll(1, List.of(extra.split("\\s+")));
        }
        File log = Files.createTempFile("registry-bench-", ".log").toFile();
        Process service = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, port, service, log);
            long t1 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/imports/csv?source=BENCH"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                    .timeout(Duration.ofHours(1))
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t1) / 1_000_000;
            String body = r.body();
            int reports = body.indexOf(",\"reports\"");
            System.out.printf("import: HTTP %d in %,d ms (%,.0f works/s): %s%n", r.statusCode(), ms, works * 1000.0 / ms,
                    reports > 0 ? body.substring(0, reports) + "}" : body);
            System.out.println("service log: " + log);
        } finally {
            service.destroy();
            service.waitFor();
            Files.deleteIfExists(csv);
        }
    }

    static long generate(Path file, int works) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("work_ref,title,category,identifiers,party_ref,party_name,isni,ipi,society,right_type,territory,"
                    + "share_bp,valid_from,valid_to\n");
            for (int i = 0; i < works; i++) {
                int party = i / 3;
                w.write("W" + i + ",Work number " + i + ",book,doi:10.5555/bench." + i + ",P" + party + ",Party " + party
                        + ",,," + (i % 3 == 0 ? "KOMCA" : "") + ",TRAINING,WORLD," + (1000 + i % 9000) + ",2025-01-01,\n");
            }
        }
        return Files.size(file);
    }

    private static void awaitReady(HttpClient http, int port, Process service, File log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become ready; see " + log);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
