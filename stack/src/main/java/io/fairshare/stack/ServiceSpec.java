package io.fairshare.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * A Fairshare service as the stack runs it: its module, HTTP port, database and maximum heap. Settlement
 * computes a period's close in memory (a million events of 50,000 works need more than 1 GB); the others
 * hold little.
 */
public record ServiceSpec(String name, String module, int port, String database, String maxHeap) {

    /** Every service, in pipeline order. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("usage-ingest", "usage-ingest", 8081, "ingest", "512m"),
            new ServiceSpec("rights-registry", "rights-registry", 8082, "registry", "1g"),
            new ServiceSpec("settlement", "settlement", 8083, "settlement", "3g"),
            new ServiceSpec("payout", "payout", 8084, "payout", "512m"));

    /** The same service on another port (0: a free port, chosen when the stack starts). */
    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, module, newPort, database, maxHeap);
    }

    /** The runnable jar that {@code ./mvnw package} builds. */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
