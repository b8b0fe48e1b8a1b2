package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillNineTest {
    @TempDir
    Path temp;

    @Test
    void killingTheJvmWithSignalNineLeavesNoServerBehind() throws Exception {
        Path workDir = temp.resolve("servers");
        Path childLog = temp.resolve("child.err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp", System.getProperty("java.class.path")));
        String libs = System.getProperty(Locations.KAFKA_LIBS_PROPERTY);
        if (libs != null) {
            command.add("-D" + Locations.KAFKA_LIBS_PROPERTY + "=" + libs);
        }
        command.add(ServersChildMain.class.getName());
        command.add(workDir.toString());
        Process child = new ProcessBuilder(command).redirectError(childLog.toFile()).start();
        Map<String, String> found = new HashMap<>();
        try {
            CompletableFuture<Map<String, String>> reported = CompletableFuture.supplyAsync(() -> readReport(child));
            found.putAll(reported.get(180, TimeUnit.SECONDS));
        } catch (Exception e) {
            child.destroyForcibly();
            fail("the child JVM did not report ready servers: " + e + "\n" + Processes.tail(childLog, 40));
        }
        long kafkaPid = Long.parseLong(found.get("kafka.pid"));
        long postgresPid = Long.parseLong(found.get("postgres.pid"));
        long watchdogPid = Long.parseLong(found.get("watchdog.pid"));
        int kafkaPort = Integer.parseInt(found.get("kafka.port"));
        int controllerPort = Integer.parseInt(found.get("kafka.controllerPort"));
        int postgresPort = Integer.parseInt(found.get("postgres.port"));
        Path postgresDir = Path.of(found.get("postgres.dir"));
        assertTrue(Files.isDirectory(postgresDir));
        assertTrue(Processes.isAlive(kafkaPid) && Processes.isAlive(postgresPid) && Processes.isAlive(watchdogPid));
        assertTrue(Processes.isListening(kafkaPort) && Processes.isListening(postgresPort));
        assertTrue(Files.isDirectory(workDir));

        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by signal 9");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && (Processes.isAlive(kafkaPid) || Processes.isAlive(postgresPid)
                || Processes.isAlive(watchdogPid) || Files.exists(workDir) || Files.exists(postgresDir))) {
            Thread.sleep(100);
        }
        assertFalse(Processes.isAlive(kafkaPid), "the broker JVM is gone");
        assertFalse(Processes.isAlive(postgresPid), "the postmaster is gone");
        assertFalse(Processes.isListening(kafkaPort), "the broker port is closed");
        assertFalse(Processes.isListening(controllerPort), "the controller port is closed");
        assertFalse(Processes.isListening(postgresPort), "the PostgreSQL port is closed");
        assertFalse(Files.exists(workDir), "the work dir is deleted");
        assertFalse(Files.exists(postgresDir), "PostgreSQL's dir is deleted (a temp dir where the work dir was out of reach)");
        assertFalse(Processes.isAlive(watchdogPid), "the watchdog exits when done");
    }

    private static Map<String, String> readReport(Process child) {
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.equals("ready")) {
                    return out;
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("the child ended without reporting ready");
    }
}
