package io.fairshare.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kafka and PostgreSQL together under one work directory, started in parallel, or the servers given
 * from outside:
 * <ul>
 *   <li>{@value #KAFKA_BOOTSTRAP_PROPERTY} (system property) or {@value #KAFKA_BOOTSTRAP_ENV} (system
 *       property or environment variable): no broker is started, that cluster is used;</li>
 *   <li>{@value #JDBC_URL_ENV} (system property or environment variable; also {@code fairshare.jdbc.url}),
 *       with {@value #JDBC_USER_ENV} and {@value #JDBC_PASSWORD_ENV} (default fairshare/fairshare): no
 *       PostgreSQL is started; the URL's database is the maintenance database for CREATE DATABASE.</li>
 * </ul>
 * Servers this set started stop on {@link #close()}, on a normal JVM exit (shutdown hook) and, via the
 * {@link Watchdog}, when the JVM is killed.
 */
public final class ServerSet implements AutoCloseable {
    public static final String KAFKA_BOOTSTRAP_PROPERTY = "fairshare.kafka.bootstrap";
    public static final String KAFKA_BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String JDBC_URL_ENV = "FAIRSHARE_JDBC_URL";
    public static final String JDBC_USER_ENV = "FAIRSHARE_JDBC_USER";
    public static final String JDBC_PASSWORD_ENV = "FAIRSHARE_JDBC_PASSWORD";

    /** What to start and where. The defaults: a temp work dir, deleted at the end; servers from outside honoured. */
    public static final class Options {
        private Path workDir;
        private boolean deleteWorkDir = true;
        private Path logDir;
        private boolean honourExternal = true;
        private boolean shutdownHook = true;
        private KafkaBroker.Options kafka = KafkaBroker.Options.defaults();
        private PostgresServer.Options postgres = PostgresServer.Options.defaults();

        public static Options defaults() {
            return new Options();
        }

        /** The work directory (created if needed); unset means a new temp directory. */
        public Options workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Whether {@link #close()} (and the watchdog, after a crash) deletes the work directory. Default true. */
        public Options deleteWorkDir(boolean delete) {
            this.deleteWorkDir = delete;
            return this;
        }

        /** A directory for {@code kafka.log} and {@code postgres.log}, kept when the work dir is deleted. */
        public Options logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Whether the settings for servers from outside are honoured. Default true. */
        public Options honourExternal(boolean honour) {
            this.honourExternal = honour;
            return this;
        }

        /** Whether a shutdown hook closes the set when the JVM exits. Default true. */
        public Options shutdownHook(boolean hook) {
            this.shutdownHook = hook;
            return this;
        }

        public Options kafka(KafkaBroker.Options options) {
            this.kafka = options;
            return this;
        }

        public Options postgres(PostgresServer.Options options) {
            this.postgres = options;
            return this;
        }
    }

    private final Path workDir;
    private final boolean deleteWorkDir;
    private final KafkaEndpoint kafka;
    private final PostgresEndpoint postgres;
    private Thread hook;
    private boolean closed;

    private ServerSet(Path workDir, boolean deleteWorkDir, KafkaEndpoint kafka, PostgresEndpoint postgres) {
        this.workDir = workDir;
        this.deleteWorkDir = deleteWorkDir;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts both servers with the default options. */
    public static ServerSet start() {
        return start(Options.defaults());
    }

    public static ServerSet start(Options options) {
        long t0 = System.nanoTime();
        Optional<ExternalKafka> externalKafka = options.honourExternal ? externalKafka() : Optional.empty();
        Optional<ExternalPostgres> externalPostgres = options.honourExternal ? externalPostgres() : Optional.empty();
        Path workDir = prepareWorkDir(options);
        if (options.deleteWorkDir) {
            Watchdog.shared().watchDirectory(workDir);
        }
        KafkaBroker.Options kafkaOptions = options.kafka;
        PostgresServer.Options postgresOptions = options.postgres;
        if (options.logDir != null) {
            try {
                Files.createDirectories(options.logDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafkaOptions = kafkaOptions.withLogFile(options.logDir.resolve("kafka.log"));
            postgresOptions = postgresOptions.withLogFile(options.logDir.resolve("postgres.log"));
        }
        externalKafka.ifPresent(k -> Progress.line("kafka: using " + k));
        externalPostgres.ifPresent(p -> Progress.line("postgres: using " + p));

        AtomicReference<KafkaBroker> broker = new AtomicReference<>();
        PostgresServer postgresServer = null;
        try {
            CompletableFuture<Void> kafkaStarted = CompletableFuture.completedFuture(null);
            if (externalKafka.isEmpty()) {
                KafkaBroker.Options ko = kafkaOptions;
                kafkaStarted = CompletableFuture.runAsync(() -> {
                    broker.set(KafkaBroker.create(workDir.resolve("kafka"), ko));
                    broker.get().start();
                }, runnable -> {
                    Thread t = new Thread(runnable, "fairshare-kafka-start");
                    t.setDaemon(true);
                    t.start();
                });
            }
            if (externalPostgres.isEmpty()) {
                postgresServer = PostgresServer.create(workDir.resolve("postgres"), postgresOptions);
                postgresServer.start();
            }
            try {
                kafkaStarted.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        } catch (RuntimeException e) {
            quietly(broker.get());
            quietly(postgresServer);
            if (options.deleteWorkDir) {
                Processes.deleteRecursively(workDir);
                Watchdog.shared().forgetDirectory(workDir);
            }
            throw e;
        }
        ServerSet set = new ServerSet(workDir, options.deleteWorkDir,
                externalKafka.<KafkaEndpoint>map(k -> k).orElseGet(broker::get),
                externalPostgres.<PostgresEndpoint>map(p -> p).orElse(postgresServer));
        if (options.shutdownHook) {
            set.hook = new Thread(set::close, "fairshare-servers-shutdown");
            Runtime.getRuntime().addShutdownHook(set.hook);
        }
        Progress.line("servers ready in " + Progress.since(t0) + ": Kafka " + set.kafka.bootstrapServers()
                + ", PostgreSQL " + set.postgres.jdbcUrl("postgres"));
        return set;
    }

    private static void quietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception suppressed) {
            Progress.line("could not stop " + server + ": " + suppressed.getMessage());
        }
    }

    private static Path prepareWorkDir(Options options) {
        try {
            Path dir;
            if (options.workDir == null) {
                dir = Files.createTempDirectory("fairshare-servers-");
            } else {
                dir = Files.createDirectories(options.workDir.toAbsolutePath().normalize());
            }
            // PostgreSQL may run as another OS user, who must be able to pass through.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the servers' work directory", e);
        }
    }

    /** The Kafka cluster named by {@value #KAFKA_BOOTSTRAP_PROPERTY} or {@value #KAFKA_BOOTSTRAP_ENV}, if any. */
    public static Optional<ExternalKafka> externalKafka() {
        for (String name : new String[] {KAFKA_BOOTSTRAP_PROPERTY, KAFKA_BOOTSTRAP_ENV}) {
            Optional<String> value = Settings.first(name);
            if (value.isPresent()) {
                return Optional.of(new ExternalKafka(value.get(), name));
            }
        }
        return Optional.empty();
    }

    /** The PostgreSQL server named by {@value #JDBC_URL_ENV} (or {@code fairshare.jdbc.url}), if any. */
    public static Optional<ExternalPostgres> externalPostgres() {
        return Settings.first("fairshare.jdbc.url", JDBC_URL_ENV).map(url -> new ExternalPostgres(url,
                Settings.first("fairshare.jdbc.user", JDBC_USER_ENV).orElse(PostgresServer.DEFAULT_USER),
                Settings.first("fairshare.jdbc.password", JDBC_PASSWORD_ENV).orElse(PostgresServer.DEFAULT_PASSWORD)));
    }

    public KafkaEndpoint kafka() {
        return kafka;
    }

    public PostgresEndpoint postgres() {
        return postgres;
    }

    /** The broker this set runs; empty when Kafka was given from outside. */
    public Optional<KafkaBroker> broker() {
        return kafka instanceof KafkaBroker b ? Optional.of(b) : Optional.empty();
    }

    /** The PostgreSQL server this set runs; empty when it was given from outside. */
    public Optional<PostgresServer> postgresServer() {
        return postgres instanceof PostgresServer p ? Optional.of(p) : Optional.empty();
    }

    public Path workDir() {
        return workDir;
    }

    /** Stops the servers this set started (in parallel) and deletes the work directory unless told to keep it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; close() is idempotent
            }
        }
        CompletableFuture<Void> kafkaStopped = CompletableFuture.runAsync(() -> broker().ifPresent(KafkaBroker::close),
                runnable -> {
                    Thread t = new Thread(runnable, "fairshare-kafka-stop");
                    t.setDaemon(true);
                    t.start();
                });
        RuntimeException failure = null;
        try {
            postgresServer().ifPresent(PostgresServer::close);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            kafkaStopped.join();
        } catch (CompletionException e) {
            if (failure == null) {
                failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (deleteWorkDir) {
            Processes.deleteRecursively(workDir);
            Watchdog.shared().forgetDirectory(workDir);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
