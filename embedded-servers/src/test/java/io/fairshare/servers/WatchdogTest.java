package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogTest {
    @TempDir
    Path temp;

    private static Process startInOwnGroup(String script) throws Exception {
        return new ProcessBuilder(Processes.inOwnSession(List.of("/bin/sh", "-c", script)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    }

    private static void awaitGone(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (Processes.isAlive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void whenItsPipeClosesItStopsRegisteredGroupsAndDeletesRegisteredDirectories() throws Exception {
        Process server = startInOwnGroup("sleep 300 & wait");
        Path dir = Files.createDirectories(temp.resolve("with space/nested"));
        Files.writeString(dir.resolve("data"), "x");
        Watchdog watchdog = Watchdog.start(Duration.ofSeconds(5));
        watchdog.watchGroup(server.pid(), "TERM");
        watchdog.watchDirectory(temp.resolve("with space"));

        watchdog.close();

        awaitGone(server.pid(), Duration.ofSeconds(5));
        assertFalse(Processes.isAlive(server.pid()), "the registered group got TERM");
        assertFalse(Files.exists(temp.resolve("with space")), "the registered directory is deleted");
        assertFalse(watchdog.isAlive());
    }

    @Test
    void aProcessThatIgnoresItsStopSignalIsKilledAfterTheGracePeriod() throws Exception {
        Process stubborn = startInOwnGroup("trap '' TERM INT; while true; do sleep 1; done");
        Thread.sleep(300); // let the shell install its trap
        Watchdog watchdog = Watchdog.start(Duration.ofMillis(500));
        watchdog.watchGroup(stubborn.pid(), "TERM");
        long t0 = System.nanoTime();

        watchdog.close();

        awaitGone(stubborn.pid(), Duration.ofSeconds(5));
        assertFalse(Processes.isAlive(stubborn.pid()), "KILL followed TERM");
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(400).toNanos(), "KILL came only after the grace period");
    }

    @Test
    void forgottenProcessesAndDirectoriesAreLeftAlone() throws Exception {
        Process server = startInOwnGroup("sleep 300");
        Path dir = Files.createDirectories(temp.resolve("kept"));
        try {
            Watchdog watchdog = Watchdog.start(Duration.ofSeconds(1));
            watchdog.watchGroup(server.pid(), "TERM");
            watchdog.watchDirectory(dir);
            watchdog.forget(server.pid());
            watchdog.forgetDirectory(dir);

            watchdog.close();

            assertTrue(server.isAlive(), "a forgotten group is not signalled");
            assertTrue(Files.isDirectory(dir), "a forgotten directory is not deleted");
        } finally {
            server.destroyForcibly();
        }
    }
}
