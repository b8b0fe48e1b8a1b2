package io.fairshare.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives a {@code @QuarkusTest} the test JVM's real Kafka broker and PostgreSQL:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(FairshareTestResources.class)
 * class SomethingTest { ... }
 * </pre>
 *
 * The servers start once per JVM and are shared by every test class (see {@link TestServers}); this
 * class only creates the service's database and hands Quarkus the configuration. Annotate every
 * Quarkus test class of a module the same way, with the same arguments: {@code @WithTestResource}'s
 * default scope ({@code MATCHING_RESOURCES}) then keeps one Quarkus application for all of them.
 * {@link #stop()} leaves the servers running for the next class; they stop when the JVM exits.
 *
 * <p>Init argument {@value #DATABASE_ARG}: the database name. Without it, the name is
 * {@code quarkus.application.name} (lower case, other characters as underscores), else "fairshare".
 */
public class FairshareTestResources implements QuarkusTestResourceLifecycleManager {
    /** Init argument naming the database. */
    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String given = initArgs.get(DATABASE_ARG);
        database = given == null || given.isBlank() ? null : given.trim();
    }

    @Override
    public Map<String, String> start() {
        String db = database != null ? database : databaseNameFor(applicationName().orElse("fairshare"));
        TestServers.ensureKafkaRunning();
        TestServers.ensurePostgresRunning();
        String url = TestServers.createDatabase(db);
        return Map.of(
                "kafka.bootstrap.servers", TestServers.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", TestServers.username(),
                "quarkus.datasource.password", TestServers.password());
    }

    /** Leaves the servers running: the next test class, or the next Quarkus application, uses them too. */
    @Override
    public void stop() {
        // The servers belong to the JVM; its shutdown hook and watchdog stop them.
    }

    /** A PostgreSQL database name from an application name: "usage-ingest" becomes "usage_ingest". */
    static String databaseNameFor(String applicationName) {
        String name = applicationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static Optional<String> applicationName() {
        try {
            Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class);
            if (configured.isPresent()) {
                return configured;
            }
        } catch (RuntimeException | LinkageError noConfigYet) {
            // fall back to the properties file below
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        URL resource = (cl != null ? cl : FairshareTestResources.class.getClassLoader()).getResource("application.properties");
        if (resource == null) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (InputStream in = resource.openStream()) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
        return Optional.ofNullable(props.getProperty("quarkus.application.name")).map(String::trim).filter(s -> !s.isEmpty());
    }
}
