package io.fairshare.testsupport;

import io.fairshare.servers.KafkaEndpoint;
import io.fairshare.servers.PostgresEndpoint;
import io.fairshare.servers.ServerSet;
import io.fairshare.servers.Settings;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The servers of one test JVM. Not for tests to call: use {@link TestServers}.
 *
 * <p>Quarkus loads a test's classes, and the libraries they use, in class loaders of its own, and
 * makes new ones when it restarts for another test profile. A static field here would then exist
 * once per class loader, and each copy would start its own servers. {@link TestServers} therefore
 * always reaches the copy of this class that the JVM's system class loader holds, through
 * reflection and with JDK types only, so there is one set of servers per JVM however many
 * Quarkus applications come and go.
 */
public final class SharedServers {
    /** System property (or environment variable {@code FAIRSHARE_SERVERS}): embedded (default) or testcontainers. */
    public static final String CHOICE_PROPERTY = "fairshare.servers";

    /** What a started choice provides. */
    record Running(String mode, KafkaEndpoint kafka, PostgresEndpoint postgres) {
    }

    private static Running running;
    private static RuntimeException failure;

    private SharedServers() {
    }

    private static synchronized Running running() {
        if (running != null) {
            return running;
        }
        if (failure != null) {
            throw new IllegalStateException("the test servers failed to start earlier in this JVM: " + failure.getMessage(),
                    failure);
        }
        try {
            running = withOwnClassLoader(() -> start(Settings.first(CHOICE_PROPERTY, "FAIRSHARE_SERVERS").orElse("embedded")));
            return running;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** Starts the servers of a choice; package-private so that tests can try a choice without making it the JVM's. */
    static Running start(String choice) {
        switch (choice.trim().toLowerCase(Locale.ROOT)) {
            case "embedded":
                ServerSet set = ServerSet.start();
                return new Running("embedded", set.kafka(), set.postgres());
            case "testcontainers":
                try {
                    Class.forName("org.testcontainers.DockerClientFactory", false, SharedServers.class.getClassLoader());
                    Class.forName("org.testcontainers.kafka.KafkaContainer", false, SharedServers.class.getClassLoader());
                    Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false,
                            SharedServers.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(CHOICE_PROPERTY + "=testcontainers needs org.testcontainers:testcontainers-kafka"
                            + " and org.testcontainers:testcontainers-postgresql (versions from the Quarkus BOM) as test"
                            + " dependencies; " + e.getMessage() + " is missing");
                }
                return ContainerServers.start();
            default:
                throw new IllegalArgumentException(CHOICE_PROPERTY + " must be 'embedded' (a broker and PostgreSQL run"
                        + " from this checkout, no Docker) or 'testcontainers' (needs Docker), not '" + choice + "'");
        }
    }

    /** Kafka clients load classes by name through the context class loader: make that this class's loader. */
    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SharedServers.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static String mode() {
        return running().mode();
    }

    public static String kafkaBootstrap() {
        return running().kafka().bootstrapServers();
    }

    public static boolean kafkaIsManaged() {
        return running().kafka().isManaged();
    }

    public static void stopKafka() {
        KafkaEndpoint kafka = running().kafka();
        withOwnClassLoader(() -> {
            kafka.stop();
            return null;
        });
    }

    public static void startKafka() {
        KafkaEndpoint kafka = running().kafka();
        withOwnClassLoader(() -> {
            kafka.start();
            return null;
        });
    }

    /** Starts the broker if this JVM runs it and a test left it stopped. */
    public static void ensureKafkaRunning() {
        KafkaEndpoint kafka = running().kafka();
        if (kafka.isManaged()) {
            startKafka();
        }
    }

    public static void createTopic(String name, int partitions) {
        KafkaEndpoint kafka = running().kafka();
        withOwnClassLoader(() -> {
            kafka.createTopic(name, partitions);
            return null;
        });
    }

    public static boolean postgresIsManaged() {
        return running().postgres().isManaged();
    }

    public static void stopPostgres() {
        running().postgres().stop();
    }

    public static void startPostgres() {
        running().postgres().start();
    }

    /** Starts PostgreSQL if this JVM runs it and a test left it stopped. */
    public static void ensurePostgresRunning() {
        PostgresEndpoint postgres = running().postgres();
        if (postgres.isManaged()) {
            postgres.start();
        }
    }

    public static String jdbcUrl(String database) {
        return running().postgres().jdbcUrl(database);
    }

    public static String createDatabase(String name) {
        PostgresEndpoint postgres = running().postgres();
        return withOwnClassLoader(() -> postgres.createDatabase(name));
    }

    public static String username() {
        return running().postgres().username();
    }

    public static String password() {
        return running().postgres().password();
    }
}
