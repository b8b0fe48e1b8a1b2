package io.fairshare.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The Kafka broker and PostgreSQL server of this test JVM, for tests to use directly. They start on
 * first use (or when Quarkus starts {@link FairshareTestResources}), once per JVM, and stop when the
 * JVM exits; a watchdog removes them even after a {@code kill -9}.
 *
 * <p>Every call goes to the one JVM-wide instance, whichever class loader this class was loaded by
 * (see {@link SharedServers}).
 */
public final class TestServers {
    private TestServers() {
    }

    /** {@code host:port} for {@code kafka.bootstrap.servers}. */
    public static String kafkaBootstrap() {
        return (String) call("kafkaBootstrap");
    }

    /** {@code jdbc:postgresql://127.0.0.1:port/<database>} (the database must exist: see {@link #createDatabase}). */
    public static String jdbcUrl(String database) {
        return (String) call("jdbcUrl", database);
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public static String createDatabase(String name) {
        return (String) call("createDatabase", name);
    }

    public static String username() {
        return (String) call("username");
    }

    public static String password() {
        return (String) call("password");
    }

    /**
     * Stops the broker cleanly, so a test can show what happens while Kafka is down. Always pair it
     * with {@link #startKafka()} in a {@code finally}.
     *
     * @throws UnsupportedOperationException when the broker was given from outside (KAFKA_BOOTSTRAP_SERVERS)
     *                                       or runs in a container; see {@link #kafkaIsManaged()}
     */
    public static void stopKafka() {
        call("stopKafka");
    }

    /** Starts the broker again on the same port with the same data; returns once it serves clients. */
    public static void startKafka() {
        call("startKafka");
    }

    /** Whether this JVM runs the broker, so that {@link #stopKafka()} and {@link #startKafka()} work. */
    public static boolean kafkaIsManaged() {
        return (Boolean) call("kafkaIsManaged");
    }

    /**
     * Stops the PostgreSQL server (fast shutdown: open sessions are ended), so a test can show what
     * happens while the database is down. Always pair it with {@link #startPostgres()} in a
     * {@code finally}: every test class of the module shares this one server.
     *
     * @throws UnsupportedOperationException when the server was given from outside (FAIRSHARE_JDBC_URL)
     *                                       or runs in a container; see {@link #postgresIsManaged()}
     */
    public static void stopPostgres() {
        call("stopPostgres");
    }

    /** Starts the server again on the same port with the same data directory; returns once it accepts connections. */
    public static void startPostgres() {
        call("startPostgres");
    }

    /**
     * Runs {@code whileDown} with the PostgreSQL server stopped, and starts it again afterwards,
     * however {@code whileDown} ends.
     */
    public static void withPostgresStopped(Runnable whileDown) {
        stopPostgres();
        try {
            whileDown.run();
        } finally {
            startPostgres();
        }
    }

    /** Whether this JVM runs PostgreSQL, so that {@link #stopPostgres()} and {@link #startPostgres()} work. */
    public static boolean postgresIsManaged() {
        return (Boolean) call("postgresIsManaged");
    }

    /** Creates a topic (an existing one is left as it is). */
    public static void createTopic(String name, int partitions) {
        call("createTopic", name, partitions);
    }

    /** "embedded" or "testcontainers". */
    public static String mode() {
        return (String) call("mode");
    }

    /** Starts the broker again if a test left it stopped (used before each Quarkus start). */
    static void ensureKafkaRunning() {
        call("ensureKafkaRunning");
    }

    /** Starts PostgreSQL again if a test left it stopped (used before each Quarkus start). */
    static void ensurePostgresRunning() {
        call("ensurePostgresRunning");
    }

    private static Object call(String name, Object... args) {
        Class<?> shared = sharedClass();
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Integer ? int.class : args[i].getClass();
        }
        try {
            Method m = shared.getMethod(name, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach " + shared.getName() + "." + name, e);
        }
    }

    /** The JVM-wide copy: the system class loader's if it has this library, else this loader's. */
    private static Class<?> sharedClass() {
        try {
            return Class.forName(SharedServers.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError notOnTheSystemClassPath) {
            return SharedServers.class;
        }
    }
}
