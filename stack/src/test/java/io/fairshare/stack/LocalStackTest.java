package io.fairshare.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.Topics;
import io.fairshare.servers.KafkaBroker;
import io.fairshare.servers.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
    @TempDir
    Path temp;

    /** What the after-ready step saw, checked once the stack has stopped. */
    record Seen(long kafkaPid, int kafkaPort, long postgresPid, int postgresPort) {
    }

    @Test
    void noServicesExitAfterReadyStartsTheServersPreparesThemAndLeavesNothingRunning() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = temp.resolve("home");
        StackOptions options = StackOptions.parse("--no-services", "--exit-after-ready", "--home", home.toString(),
                "--root", temp.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AtomicReference<Seen> seen = new AtomicReference<>();
        LocalStack stack = new LocalStack(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).afterReady(running -> {
            KafkaBroker broker = running.servers().broker().orElseThrow();
            PostgresServer postgres = running.servers().postgresServer().orElseThrow();
            seen.set(new Seen(broker.pid(), broker.port(), postgres.pid(), postgres.port()));
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(home.resolve(LocalStack.PID_FILE)),
                    "./fairshare stop finds the stack by its pid file");
            assertEquals(List.of(), running.services());
            assertEquals(Map.of(), running.skipped(), "--no-services skips nothing: it starts nothing");
            assertEquals(List.of("ingest", "payout", "registry", "settlement"),
                    running.jdbcUrls().keySet().stream().sorted().toList());
            for (Map.Entry<String, String> db : running.jdbcUrls().entrySet()) {
                try (Connection c = DriverManager.getConnection(db.getValue(), running.username(), running.password());
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT current_database()")) {
                    assertTrue(rs.next());
                    assertEquals(db.getKey(), rs.getString(1));
                }
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", running.kafkaBootstrap()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(LocalStack.topicNames()).allTopicNames()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(LocalStack.topicNames().size(), topics.size());
                topics.values().forEach(t -> assertEquals(LocalStack.PARTITIONS, t.partitions().size(), t.name()));
            }
        });

        assertEquals(0, stack.run());

        Seen s = seen.get();
        assertFalse(alive(s.kafkaPid()), "the broker JVM is gone");
        assertFalse(alive(s.postgresPid()), "the postmaster is gone");
        assertFalse(listening(s.kafkaPort()));
        assertFalse(listening(s.postgresPort()));
        assertFalse(Files.exists(home.resolve("servers")), "the servers' data is deleted");
        assertFalse(Files.exists(home.resolve(LocalStack.PID_FILE)), "a stopped stack leaves no pid file");
        assertTrue(Files.size(home.resolve("logs/postgres.log")) > 0, "PostgreSQL's log is kept");
        assertTrue(Files.exists(home.resolve("logs/kafka.log")), "Kafka's log is kept");
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Fairshare is running"), output);
        assertTrue(output.contains("Kafka              127.0.0.1:" + s.kafkaPort()), output);
        assertTrue(output.contains("jdbc:postgresql://127.0.0.1:" + s.postgresPort() + "/settlement"), output);
        assertTrue(output.contains("Everything was ready; stopped again (--exit-after-ready)."), output);
    }

    @Test
    void theTopicsAreTheContractsTopics() {
        assertTrue(LocalStack.topicNames().containsAll(List.of(Topics.USAGE_ACCEPTED, Topics.USAGE_RESOLVED,
                Topics.USAGE_UNMATCHED, Topics.REGISTRY_CHANGES, Topics.STATEMENTS_ISSUED)));
    }

    @Test
    void servicesAreChosenByNameInPipelineOrder() throws Exception {
        StackOptions o = StackOptions.parse("--services", "payout,usage-ingest", "--root", temp.toString());
        assertEquals(List.of("usage-ingest", "payout"), o.services().stream().map(ServiceSpec::name).toList());
        assertEquals(temp.resolve(".fairshare"), o.home());
        assertEquals(4, StackOptions.parse("--root", temp.toString()).services().size());
        assertEquals(List.of(), StackOptions.parse("--no-services", "--root", temp.toString()).services());
    }

    @Test
    void portsFollowThePortBaseInPipelineOrderAndZeroMeansFreePorts() throws Exception {
        assertEquals(List.of(9001, 9002, 9003, 9004), StackOptions.parse("--port-base", "9001", "--root", temp.toString())
                .services().stream().map(ServiceSpec::port).toList());
        assertEquals(List.of(8081, 8082, 8083, 8084), StackOptions.parse("--root", temp.toString())
                .services().stream().map(ServiceSpec::port).toList());
        assertEquals(List.of(0, 0), StackOptions.parse("--port-base", "0", "--services", "settlement,payout", "--root",
                temp.toString()).services().stream().map(ServiceSpec::port).toList());
        assertEquals("--port-base needs a whole number from 0 to 65531, not '70000'", assertThrows(UsageException.class,
                () -> StackOptions.parse("--port-base", "70000", "--root", temp.toString())).getMessage());
    }

    @Test
    void theDemoRunsOnAllFourServicesWithAMillionEventsUnlessToldOtherwise() throws Exception {
        StackOptions demo = StackOptions.parse("--demo", "--root", temp.toString());
        assertTrue(demo.demo());
        assertEquals(1_000_000, demo.demoEvents());
        assertEquals(4, demo.services().size());
        assertEquals(20_000, StackOptions.parse("--demo", "--demo-events", "20_000", "--root", temp.toString()).demoEvents());
        assertFalse(StackOptions.parse("--root", temp.toString()).demo());
        assertEquals("--demo needs all four services; leave out --no-services and --services", assertThrows(
                UsageException.class, () -> StackOptions.parse("--demo", "--services", "payout", "--root", temp.toString()))
                .getMessage());
        assertEquals("--demo-events needs a whole number from 1 to " + Long.MAX_VALUE + ", not 'many'", assertThrows(
                UsageException.class, () -> StackOptions.parse("--demo-events", "many", "--root", temp.toString())).getMessage());
    }

    @Test
    void anUnknownServiceIsNamedWithTheKnownOnes() {
        UsageException e = assertThrows(UsageException.class,
                () -> StackOptions.parse("--services", "usage-ingest,billing", "--root", temp.toString()));
        assertEquals("unknown service 'billing'; the services are usage-ingest, rights-registry, settlement, payout",
                e.getMessage());
    }

    @Test
    void badArgumentsAreRefused() {
        assertTrue(assertThrows(UsageException.class, () -> StackOptions.parse("--frobnicate")).getMessage()
                .startsWith("unknown option '--frobnicate'"));
        assertEquals("--no-services and --services exclude each other", assertThrows(UsageException.class,
                () -> StackOptions.parse("--no-services", "--services", "payout", "--root", temp.toString())).getMessage());
        assertEquals("--ready-timeout needs a positive number of seconds, not 'soon'", assertThrows(UsageException.class,
                () -> StackOptions.parse("--ready-timeout", "soon")).getMessage());
        assertEquals(StackOptions.USAGE, assertThrows(UsageException.class, () -> StackOptions.parse("--help")).getMessage());
    }

    @Test
    void eachServiceHasItsPortDatabaseAndJar() {
        assertEquals(List.of("usage-ingest:8081:ingest", "rights-registry:8082:registry", "settlement:8083:settlement",
                        "payout:8084:payout"),
                ServiceSpec.ALL.stream().map(s -> s.name() + ":" + s.port() + ":" + s.database()).toList());
        assertEquals(temp.resolve("settlement/target/quarkus-app/quarkus-run.jar"), ServiceSpec.ALL.get(2).jar(temp));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
