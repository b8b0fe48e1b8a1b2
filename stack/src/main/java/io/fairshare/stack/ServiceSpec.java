package io.fairshare.stack;

import java.nio.file.Path;
import java.util.List;

/** A Fairshare service as the stack runs it: its module, HTTP port and database. */
public record ServiceSpec(String name, String module, int port, String database) {

    /** Every service, in pipeline order. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("usage-ingest", "usage-ingest", 8081, "ingest"),
            new ServiceSpec("rights-registry", "rights-registry", 8082, "registry"),
            new ServiceSpec("settlement", "settlement", 8083, "settlement"),
            new ServiceSpec("payout", "payout", 8084, "payout"));

    /** The same service on another port (0: a free port, chosen when the stack starts). */
    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, module, newPort, database);
    }

    /** The runnable jar that {@code ./mvnw package} builds. */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
