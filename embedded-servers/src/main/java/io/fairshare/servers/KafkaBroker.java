package io.fairshare.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in a separate JVM, started from
 * the jars that {@code kafka-dist} copies. Ports are chosen when the broker is created and kept
 * across {@link #stop()} and {@link #start()}, as is the data directory, so a test can take the
 * broker away and bring it back at the same address. The broker runs in its own process group and
 * is registered with the {@link Watchdog}: it does not outlive this JVM, however the JVM ends.
 */
public final class KafkaBroker implements KafkaEndpoint, AutoCloseable {

    /** How to run the broker. {@link #defaults()} suits tests and the local stack. */
    public record Options(Path kafkaLibs, List<String> jvmOptions, Map<String, String> properties,
                          Duration startTimeout, Duration stopTimeout, Path logFile, String logLevel,
                          int port, int controllerPort) {

        public static Options defaults() {
            return new Options(null, List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), Map.of(),
                    Duration.ofSeconds(90), Duration.ofSeconds(30), null, "WARN", 0, 0);
        }

        /** The directory of the broker jars; null means {@link Locations#kafkaLibs()}. */
        public Options withKafkaLibs(Path dir) {
            return new Options(dir, jvmOptions, properties, startTimeout, stopTimeout, logFile, logLevel, port, controllerPort);
        }

        public Options withJvmOptions(List<String> options) {
            return new Options(kafkaLibs, List.copyOf(options), properties, startTimeout, stopTimeout, logFile, logLevel, port,
                    controllerPort);
        }

        /** Broker properties that override the defaults (e.g. {@code num.partitions}). */
        public Options withProperties(Map<String, String> overrides) {
            return new Options(kafkaLibs, jvmOptions, Map.copyOf(overrides), startTimeout, stopTimeout, logFile, logLevel, port,
                    controllerPort);
        }

        public Options withStartTimeout(Duration timeout) {
            return new Options(kafkaLibs, jvmOptions, properties, timeout, stopTimeout, logFile, logLevel, port, controllerPort);
        }

        /** The broker's log file; null means {@code broker.log} in its directory. */
        public Options withLogFile(Path file) {
            return new Options(kafkaLibs, jvmOptions, properties, startTimeout, stopTimeout, file, logLevel, port, controllerPort);
        }

        /** log4j2 level of the broker's root logger (WARN by default). */
        public Options withLogLevel(String level) {
            return new Options(kafkaLibs, jvmOptions, properties, startTimeout, stopTimeout, logFile, level, port, controllerPort);
        }

        /** Fixed ports; 0 picks a free one. */
        public Options withPorts(int brokerPort, int controllerPort) {
            return new Options(kafkaLibs, jvmOptions, properties, startTimeout, stopTimeout, logFile, logLevel, brokerPort,
                    controllerPort);
        }
    }

    private final Path dir;
    private final Path dataDir;
    private final Options options;
    private final Path libs;
    private final Path logFile;
    private final Path outFile;
    private final boolean portsChosen;
    private int port;
    private int controllerPort;
    private Process process;
    private boolean grouped;
    private boolean dirWatched;

    private KafkaBroker(Path dir, Options options) {
        this.dir = dir.toAbsolutePath().normalize();
        this.dataDir = this.dir.resolve("data");
        this.options = options;
        this.libs = options.kafkaLibs() != null ? options.kafkaLibs() : Locations.kafkaLibs();
        this.logFile = options.logFile() != null ? options.logFile() : this.dir.resolve("broker.log");
        this.outFile = this.dir.resolve("broker.out");
        this.portsChosen = options.port() == 0 || options.controllerPort() == 0;
        choosePorts();
    }

    /** A broker that will live in {@code dir} (created if needed); nothing runs until {@link #start()}. */
    public static KafkaBroker create(Path dir) {
        return create(dir, Options.defaults());
    }

    public static KafkaBroker create(Path dir, Options options) {
        return new KafkaBroker(dir, options);
    }

    private void choosePorts() {
        port = options.port() != 0 ? options.port() : Processes.freePort();
        int c = options.controllerPort() != 0 ? options.controllerPort() : Processes.freePort();
        while (c == port) {
            c = Processes.freePort();
        }
        controllerPort = c;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path directory() {
        return dir;
    }

    /** The broker's log file (log4j2, at the configured level). */
    public Path logFile() {
        return logFile;
    }

    @Override
    public boolean isManaged() {
        return true;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker JVM's pid. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.pid();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            if (!dirWatched) {
                Watchdog.shared().watchDirectory(dir);
                dirWatched = true;
            }
            boolean fresh = !Files.exists(dataDir.resolve("meta.properties"));
            try {
                launch(fresh, t0);
            } catch (ServerStartException e) {
                boolean portTaken = Processes.tail(logFile, 200).contains("Address already in use")
                        || Processes.tail(outFile, 200).contains("Address already in use");
                if (!(fresh && portsChosen && portTaken)) {
                    throw e;
                }
                Progress.line("kafka: port taken meanwhile, trying other ports");
                Processes.deleteRecursively(dataDir);
                choosePorts();
                launch(true, System.nanoTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
        Progress.line("kafka ready at " + bootstrapServers() + " in " + Progress.since(t0));
    }

    private void launch(boolean format, long t0) throws IOException {
        writeConfig();
        if (format) {
            format();
        }
        Progress.line("kafka: starting broker (" + bootstrapServers() + ")...");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(options.jvmOptions());
        command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        command.add("-Dkafka.logs.dir=" + dir);
        command.add("-cp");
        command.add(libs + "/*");
        command.add("kafka.Kafka");
        command.add(dir.resolve("server.properties").toString());
        process = new ProcessBuilder(Processes.inOwnSession(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outFile.toFile()))
                .start();
        grouped = Processes.sessionsSupported();
        if (grouped) {
            Watchdog.shared().watchGroup(process.pid(), "TERM");
        } else {
            Watchdog.shared().watchProcess(process.pid(), "TERM");
        }
        try {
            awaitReady(t0);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void writeConfig() throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", "4");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.putAll(options.properties());
        StringBuilder text = new StringBuilder("# written by io.fairshare.servers.KafkaBroker\n");
        p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(dir.resolve("server.properties"), text, StandardCharsets.UTF_8);

        String log4j = String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + logFile.toAbsolutePath(),
                "appender.file.append = true",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = " + options.logLevel(),
                "rootLogger.appenderRef.file.ref = file",
                "");
        Files.writeString(dir.resolve("log4j2.properties"), log4j, StandardCharsets.UTF_8);
    }

    private void format() throws IOException {
        Progress.line("kafka: formatting storage in " + dataDir + "...");
        Path formatOut = dir.resolve("format.out");
        List<String> command = List.of(javaExecutable(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", libs + "/*", "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(formatOut.toFile()).start();
        if (!Processes.awaitExit(p, Duration.ofSeconds(120))) {
            p.destroyForcibly();
            throw new ServerStartException("kafka: formatting storage took over 120 s\n" + Processes.tail(formatOut, 30));
        }
        if (p.exitValue() != 0) {
            throw new ServerStartException("kafka: formatting storage failed with exit code " + p.exitValue() + "\n"
                    + Processes.tail(formatOut, 30));
        }
    }

    private void awaitReady(long t0) {
        long deadline = t0 + options.startTimeout().toNanos();
        Admin admin = null;
        Exception last = null;
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw failure("the broker exited with code " + process.exitValue(), null);
                }
                if (System.nanoTime() > deadline) {
                    throw failure("the broker was not ready within " + options.startTimeout().toSeconds() + " s", last);
                }
                if (Processes.isListening(port)) {
                    if (admin == null) {
                        admin = Admin.create(Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100));
                    }
                    try {
                        Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                                .nodes().get(3, TimeUnit.SECONDS);
                        if (!nodes.isEmpty()) {
                            return;
                        }
                    } catch (ExecutionException | TimeoutException e) {
                        last = e;
                    }
                }
                Processes.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for the broker", e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    private ServerStartException failure(String what, Exception cause) {
        return new ServerStartException("kafka: " + what + " (" + bootstrapServers() + ", dir " + dir + ")\n"
                + Processes.tail(logFile, 40) + "\n" + Processes.tail(outFile, 20), cause);
    }

    /** Stops the broker cleanly (TERM, then KILL after the stop timeout). Does nothing if it is not running. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        long t0 = System.nanoTime();
        long pid = process.pid();
        if (process.isAlive()) {
            process.destroy();
            if (!Processes.awaitExit(process, options.stopTimeout())) {
                Progress.line("kafka: no clean stop within " + options.stopTimeout().toSeconds() + " s, killing it");
                kill();
            }
        }
        Watchdog.shared().forget(pid);
        process = null;
        Progress.line("kafka stopped in " + Progress.since(t0));
    }

    private void kill() {
        if (process == null) {
            return;
        }
        if (grouped) {
            Processes.signal(process.pid(), true, "KILL");
        }
        process.destroyForcibly();
        Processes.awaitExit(process, Duration.ofSeconds(10));
        Watchdog.shared().forget(process.pid());
    }

    /** Stops and starts again: same ports, same data. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the broker and deletes its directory. */
    @Override
    public synchronized void close() {
        stop();
        Processes.deleteRecursively(dir);
        if (dirWatched) {
            Watchdog.shared().forgetDirectory(dir);
            dirWatched = false;
        }
    }

    @Override
    public String toString() {
        return "Kafka broker at " + bootstrapServers() + " (dir " + dir + ")";
    }
}
