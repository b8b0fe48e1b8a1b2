package io.fairshare.stack;

import io.fairshare.servers.ServerSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where everything is, once the stack is ready.
 *
 * @param kafkaBootstrap {@code bootstrap.servers} of the broker
 * @param jdbcUrls       database name to JDBC URL, one per service database
 * @param username       PostgreSQL user (a superuser)
 * @param password       its password
 * @param services       the services that run (skipped ones are not here)
 * @param skipped        service name to the reason it was not started
 * @param home           the stack's directory ({@code .fairshare})
 * @param logDir         where kafka.log, postgres.log and {@code <service>.log} are
 * @param servers        the servers themselves (for steps that need more)
 * @param operatorToken  the bearer token of every service's operator API
 */
public record RunningStack(String kafkaBootstrap, Map<String, String> jdbcUrls, String username, String password,
                           List<ServiceProcess> services, Map<String, String> skipped, Path home, Path logDir,
                           ServerSet servers, String operatorToken) {

    /** The four services' base URLs, as the seed loader and the workload poster take them. */
    public io.fairshare.seeds.SeedLoader.Endpoints seedEndpoints() {
        return new io.fairshare.seeds.SeedLoader.Endpoints(java.net.URI.create(baseUrl("usage-ingest")),
                java.net.URI.create(baseUrl("rights-registry")), java.net.URI.create(baseUrl("settlement")),
                java.net.URI.create(baseUrl("payout")));
    }

    /** The base URL of a running service, e.g. {@code http://127.0.0.1:8081} for usage-ingest. */
    public String baseUrl(String serviceName) {
        return services.stream().filter(p -> p.spec().name().equals(serviceName)).findFirst()
                .map(p -> p.spec().baseUrl())
                .orElseThrow(() -> new IllegalArgumentException(serviceName + " does not run in this stack"
                        + (skipped.containsKey(serviceName) ? ": " + skipped.get(serviceName) : "")));
    }
}
