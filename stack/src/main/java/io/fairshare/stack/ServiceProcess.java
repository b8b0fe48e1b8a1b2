package io.fairshare.stack;

import io.fairshare.servers.ManagedProcess;
import java.io.IOException;
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

/** One service running as a child JVM ({@code java -jar quarkus-run.jar}), its output in a log file. */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final ManagedProcess process;
    private final Path jar;
    private final Path workDir;
    private final Path log;
    private final Map<String, String> config;
    private boolean swaggerUi;

    private ServiceProcess(ServiceSpec spec, ManagedProcess process, Path jar, Path workDir, Path log, Map<String, String> config) {
        this.spec = spec;
        this.process = process;
        this.jar = jar;
        this.workDir = workDir;
        this.log = log;
        this.config = config;
    }

    /**
     * Starts the service's jar with the servers' addresses as system properties.
     *
     * @param config extra {@code -Dkey=value} pairs (kafka.bootstrap.servers, quarkus.datasource.*, ...)
     * @param log    the log file; a restarted service appends to it
     */
    static ServiceProcess launch(ServiceSpec spec, Path jar, Path workDir, Path log, Map<String, String> config)
            throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.maxHeap());
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(spec, ManagedProcess.start(builder, "TERM"), jar, workDir, log, config);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    Path jar() {
        return jar;
    }

    Path workDir() {
        return workDir;
    }

    Map<String, String> config() {
        return config;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether {@code /q/swagger-ui/} answered 200 when the service became ready. */
    public boolean swaggerUi() {
        return swaggerUi;
    }

    /** True once {@code /q/health/ready} answers 200; false while it does not yet. */
    boolean isReady() {
        return get("/q/health/ready") == 200;
    }

    /** Waits for readiness; throws with the log's tail when the service exits or the timeout passes. */
    void awaitReady(long deadlineNanos, Duration timeout) throws InterruptedException {
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.process().exitValue()
                        + " before it was ready\n" + ManagedProcess.tail(log, 40));
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(spec.name() + " was not ready within " + timeout.toSeconds() + " s ("
                        + spec.baseUrl() + "/q/health/ready)\n" + ManagedProcess.tail(log, 40));
            }
            Thread.sleep(250);
        }
        swaggerUi = get("/q/swagger-ui/") == 200;
    }

    private int get(String path) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(spec.baseUrl() + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL, at once: what a crash does. */
    void kill() {
        process.kill();
    }

    /** TERM (Quarkus shuts down gracefully), KILL after the grace period. */
    void stop(Duration grace) {
        process.stop(grace);
    }
}
