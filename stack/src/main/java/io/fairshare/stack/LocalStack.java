package io.fairshare.stack;

import io.fairshare.contracts.Topics;
import io.fairshare.servers.KafkaEndpoint;
import io.fairshare.servers.PostgresEndpoint;
import io.fairshare.servers.ServerSet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./fairshare up}: Kafka and PostgreSQL (its own, or the ones named by KAFKA_BOOTSTRAP_SERVERS
 * and FAIRSHARE_JDBC_URL), one database per service, the contracts' topics, then every service whose
 * jar is built, each as a child JVM. Prints where everything is once all are ready, runs the
 * {@link AfterReady} steps, and waits for Ctrl-C; everything it started stops with it, and a watchdog
 * stops it even when this JVM is killed.
 */
public final class LocalStack implements AutoCloseable {
    /** Where a running stack keeps its process id, for {@code ./fairshare stop}. */
    public static final String PID_FILE = "stack.pid";
    /** Partitions of every topic the stack creates. */
    public static final int PARTITIONS = 4;

    private final StackOptions options;
    private final List<AfterReady> afterReady = new ArrayList<>();
    private final PrintStream out;
    private final List<ServiceProcess> started = new ArrayList<>();
    private ServerSet servers;
    private RunningStack running;
    private FileChannel lockChannel;
    private volatile boolean stopped;

    public LocalStack(StackOptions options) {
        this(options, System.out);
    }

    LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Adds a step that runs once everything is ready (in the order added). */
    public LocalStack afterReady(AfterReady step) {
        afterReady.add(step);
        return this;
    }

    public static void main(String[] args) {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (UsageException e) {
            boolean help = e.getMessage().equals(StackOptions.USAGE);
            (help ? System.out : System.err).println(e.getMessage());
            System.exit(help ? 0 : 2);
            return;
        }
        LocalStack stack = new LocalStack(options);
        if (options.demo()) {
            stack.afterReady(new Demo(options.projectRoot(), options.demoEvents(), System.out));
        }
        System.exit(stack.run());
    }

    /**
     * Runs the stack. With {@code --exit-after-ready} it returns once everything was ready and has
     * stopped again; otherwise it returns only on failure (Ctrl-C ends the JVM).
     *
     * @return 0 when everything became ready (and every after-ready step succeeded), 1 otherwise
     */
    public int run() {
        Thread hook = new Thread(this::stopAll, "fairshare-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunningStack stack = start();
            for (AfterReady step : afterReady) {
                step.run(stack);
            }
            if (options.exitAfterReady()) {
                stopAll();
                out.println("Everything was ready; stopped again (--exit-after-ready).");
                return 0;
            }
            out.println("Ctrl-C stops everything.");
            out.flush();
            superviseUntilInterrupted();
            return 0;
        } catch (Exception e) {
            System.err.println("fairshare: " + e.getMessage());
            stopAll();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; stopAll() is idempotent
            }
        }
    }

    /**
     * Starts the servers and the services, waits until every service is ready and prints where
     * everything is. For programs and tests that drive the stack themselves; {@link #close()} stops it.
     */
    public RunningStack start() throws IOException, InterruptedException {
        synchronized (this) {
            if (running != null || stopped) {
                throw new IllegalStateException("a stack starts once");
            }
            lockChannel = lock();
        }
        Files.writeString(options.home().resolve(PID_FILE), Long.toString(ProcessHandle.current().pid()));
        RunningStack stack = startAll();
        synchronized (this) {
            running = stack;
        }
        printTable(stack);
        return stack;
    }

    /** Stops everything this stack started. Safe to call twice. */
    @Override
    public void close() {
        stopAll();
    }

    /**
     * Stops one service (TERM, KILL after 20 s) and starts it again with the same configuration and port,
     * then waits until it is ready: a restart in the middle of work, as an operator would do it.
     */
    public ServiceProcess restart(String serviceName) throws IOException, InterruptedException {
        ServiceProcess old = service(serviceName);
        out.println("Restarting " + serviceName + " ...");
        old.stop(Duration.ofSeconds(20));
        return relaunch(old);
    }

    /**
     * Kills one service with SIGKILL, with whatever it has in flight, and starts it again with the same
     * configuration and port, then waits until it is ready: a crash and the restart that follows it.
     */
    public ServiceProcess crash(String serviceName) throws IOException, InterruptedException {
        ServiceProcess old = service(serviceName);
        out.println("Killing " + serviceName + " (SIGKILL) ...");
        old.kill();
        return relaunch(old);
    }

    private synchronized ServiceProcess service(String serviceName) {
        return started.stream().filter(p -> p.spec().name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(serviceName + " is not running in this stack"));
    }

    private ServiceProcess relaunch(ServiceProcess old) throws IOException, InterruptedException {
        String serviceName = old.spec().name();
        ServiceProcess fresh = ServiceProcess.launch(old.spec(), old.jar(), old.workDir(), old.log(), old.config());
        synchronized (this) {
            started.set(started.indexOf(old), fresh);
        }
        fresh.awaitReady(System.nanoTime() + options.readyTimeout().toNanos(), options.readyTimeout());
        out.println(serviceName + " is ready again");
        return fresh;
    }

    private FileChannel lock() throws IOException {
        Files.createDirectories(options.home());
        FileChannel channel = FileChannel.open(options.home().resolve("stack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another stack runs with " + options.home() + " (stop it first)");
        }
        return channel;
    }

    private final String operatorToken = Optional.ofNullable(System.getenv("FAIRSHARE_OPERATOR_TOKEN")).filter(t -> !t.isBlank())
            .orElseGet(() -> "op-" + java.util.UUID.randomUUID().toString().replace("-", ""));

    private RunningStack startAll() throws IOException, InterruptedException {
        Path home = options.home();
        Path logDir = home.resolve("logs");
        Path serversDir = home.resolve("servers");
        // A previous run that was killed: its watchdog removed the servers, but be sure.
        deleteRecursively(serversDir);
        Files.createDirectories(logDir);
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : options.services()) {
            services.add(s.port() == 0 ? s.withPort(freePort()) : s);
        }
        checkPortsFree(services);
        out.println("Starting Kafka and PostgreSQL in " + serversDir + " ...");
        synchronized (this) {
            servers = ServerSet.start(ServerSet.Options.defaults().workDir(serversDir).logDir(logDir).shutdownHook(false));
        }
        KafkaEndpoint kafka = servers.kafka();
        PostgresEndpoint postgres = servers.postgres();

        Map<String, String> jdbcUrls = new LinkedHashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            jdbcUrls.put(s.database(), postgres.createDatabase(s.database()));
        }
        for (String topic : topicNames()) {
            kafka.createTopic(topic, PARTITIONS);
        }

        Map<String, String> skipped = new LinkedHashMap<>();
        for (ServiceSpec s : services) {
            Path jar = s.jar(options.projectRoot());
            if (!Files.isRegularFile(jar)) {
                boolean isService = Files.isRegularFile(options.projectRoot().resolve(s.module())
                        .resolve("src/main/resources/application.properties"));
                String reason = isService
                        ? options.projectRoot().relativize(jar) + " is missing (build it: ./mvnw -B -q -pl " + s.module()
                                + " -am package -DskipTests)"
                        : "not a runnable service yet (the module holds its domain core only)";
                skipped.put(s.name(), reason);
                out.println("Skipping " + s.name() + ": " + reason);
                continue;
            }
            Map<String, String> config = new LinkedHashMap<>();
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.datasource.jdbc.url", jdbcUrls.get(s.database()));
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
            config.put("quarkus.http.port", Integer.toString(s.port()));
            // one operator token for every service's operator API: from FAIRSHARE_OPERATOR_TOKEN, or generated per run
            config.put("fairshare.ingest.operator-token", operatorToken);
            config.put("fairshare.registry.authority-token", operatorToken);
            config.put("fairshare.settlement.operator-token", operatorToken);
            config.put("fairshare.payout.operator-token", operatorToken);
            // the demo and the end-to-end test close their periods through the API, at the moment they choose
            // (-Dfairshare.settlement.close.enabled=true puts the scheduled close back)
            config.put("fairshare.settlement.close.enabled", "false");
            config.putAll(passedThrough());
            out.println("Starting " + s.name() + " on port " + s.port() + " ...");
            Path log = logDir.resolve(s.name() + ".log");
            Files.deleteIfExists(log);
            ServiceProcess p = ServiceProcess.launch(s, jar, home.resolve("run").resolve(s.name()), log, Map.copyOf(config));
            synchronized (this) {
                started.add(p);
            }
        }
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        for (ServiceProcess p : started) {
            p.awaitReady(deadline, options.readyTimeout());
            out.println(p.spec().name() + " is ready");
        }
        return new RunningStack(kafka.bootstrapServers(), Collections.unmodifiableMap(jdbcUrls), postgres.username(),
                postgres.password(), List.copyOf(started), Collections.unmodifiableMap(skipped), home, logDir, servers,
                operatorToken);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void checkPortsFree(List<ServiceSpec> services) {
        for (ServiceSpec s : services) {
            if (Files.isRegularFile(s.jar(options.projectRoot())) && listening(s.port())) {
                throw new IllegalStateException("port " + s.port() + " (" + s.name() + ") is already in use;"
                        + " stop what uses it, or leave the service out with --services");
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every topic name in {@link Topics}: the public static final String fields. */
    static List<String> topicNames() {
        List<String> names = new ArrayList<>();
        for (Field f : Topics.class.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** System properties {@code fairshare.*} given to the stack go to every service too. */
    private static Map<String, String> passedThrough() {
        Map<String, String> out = new LinkedHashMap<>();
        Properties props = System.getProperties();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("fairshare.") && !name.equals("fairshare.kafka.libs") && !name.equals("fairshare.project.root")) {
                out.put(name, props.getProperty(name));
            }
        }
        return out;
    }

    void printTable(RunningStack stack) {
        Path root = options.projectRoot();
        StringBuilder t = new StringBuilder("\nFairshare is running\n");
        row(t, "Kafka", stack.kafkaBootstrap());
        row(t, "PostgreSQL", "user " + stack.username() + ", password " + stack.password());
        row(t, "Operator token", operatorToken + "   (Authorization: Bearer <token> on /v1/admin/..., and the registry authority)");
        stack.jdbcUrls().forEach((db, url) -> row(t, "  " + db, url));
        for (ServiceProcess p : stack.services()) {
            row(t, p.spec().name(), p.spec().baseUrl() + "   (health " + p.spec().baseUrl() + "/q/health/ready)");
            if (p.swaggerUi()) {
                row(t, "", "Swagger UI " + p.spec().baseUrl() + "/q/swagger-ui/");
            }
        }
        stack.skipped().forEach((name, why) -> row(t, name, "not started: " + why));
        row(t, "Logs", display(root, stack.logDir()) + "/ (kafka.log, postgres.log"
                + (stack.services().isEmpty() ? "" : ", <service>.log") + ")");
        out.println(t);
        out.flush();
    }

    private static void row(StringBuilder t, String label, String value) {
        t.append(String.format("  %-18s %s%n", label, value));
    }

    private static String display(Path root, Path p) {
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    private void superviseUntilInterrupted() throws InterruptedException {
        List<ServiceProcess> reported = new ArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        while (!never.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            for (ServiceProcess p : started) {
                if (!stopped && !p.isAlive() && !reported.contains(p)) {
                    reported.add(p);
                    System.err.println("fairshare: " + p.spec().name() + " has exited; see " + p.log());
                }
            }
        }
    }

    /** Stops the services (TERM, then KILL after 20 s), then the servers. Safe to call twice. */
    synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!started.isEmpty() || servers != null) {
            out.println("Stopping ...");
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess p : started) {
            Thread t = new Thread(() -> p.stop(Duration.ofSeconds(20)), "stop-" + p.spec().name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (servers != null) {
            try {
                servers.close();
            } catch (RuntimeException e) {
                System.err.println("fairshare: stopping the servers: " + e.getMessage());
            }
        }
        if (lockChannel != null) {
            try {
                Files.deleteIfExists(options.home().resolve(PID_FILE));
                lockChannel.close();
            } catch (IOException e) {
                System.err.println("fairshare: releasing " + options.home().resolve("stack.lock") + ": " + e.getMessage());
            }
        }
        out.println("Stopped.");
        out.flush();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
