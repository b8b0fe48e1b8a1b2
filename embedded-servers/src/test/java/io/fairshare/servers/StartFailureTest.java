package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start says why: its log's last lines are in the exception. */
class StartFailureTest {
    @TempDir
    Path temp;

    @Test
    void aBrokerThatCannotStartReportsTheTailOfItsLog() {
        KafkaBroker broker = KafkaBroker.create(temp.resolve("kafka"),
                KafkaBroker.Options.defaults().withProperties(Map.of("num.partitions", "none")));
        try {
            ServerStartException e = assertThrows(ServerStartException.class, broker::start);
            assertTrue(e.getMessage().startsWith("kafka: "), e.getMessage());
            assertTrue(e.getMessage().contains("--- last "), e.getMessage());
            assertTrue(e.getMessage().contains("num.partitions"), e.getMessage());
            assertFalse(broker.isRunning());
        } finally {
            broker.close();
        }
    }

    @Test
    void aBrokerWhosePortIsTakenExitsAndSaysSo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            KafkaBroker broker = KafkaBroker.create(temp.resolve("kafka-port"),
                    KafkaBroker.Options.defaults().withPorts(taken.getLocalPort(), Processes.freePort()));
            try {
                ServerStartException e = assertThrows(ServerStartException.class, broker::start);
                assertTrue(e.getMessage().startsWith("kafka: the broker exited with code "), e.getMessage());
                assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
                assertFalse(broker.isRunning());
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void aPostgresThatCannotStartReportsTheTailOfItsLog() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        PostgresServer postgres = PostgresServer.create(temp.resolve("pg"),
                PostgresServer.Options.defaults().withSettings(Map.of("shared_buffers", "plenty")));
        try {
            ServerStartException e = assertThrows(ServerStartException.class, postgres::start);
            assertTrue(e.getMessage().startsWith("postgres: "), e.getMessage());
            assertTrue(e.getMessage().contains("invalid value for parameter \"shared_buffers\": \"plenty\""), e.getMessage());
            assertFalse(postgres.isRunning());
        } finally {
            postgres.close();
        }
        assertFalse(Files.exists(temp.resolve("pg")));
    }
}
