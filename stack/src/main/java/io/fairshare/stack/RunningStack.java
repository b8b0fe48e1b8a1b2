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
 */
public record RunningStack(String kafkaBootstrap, Map<String, String> jdbcUrls, String username, String password,
                           List<ServiceProcess> services, Map<String, String> skipped, Path home, Path logDir,
                           ServerSet servers) {
}
