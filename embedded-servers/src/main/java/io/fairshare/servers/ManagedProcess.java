package io.fairshare.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child process in its own process group, registered with the {@link Watchdog}: it does not
 * outlive this JVM. For the local stack's services; the servers here use the same mechanism.
 */
public final class ManagedProcess {
    private final Process process;
    private final boolean grouped;
    private final String stopSignal;
    private boolean stopped;

    private ManagedProcess(Process process, boolean grouped, String stopSignal) {
        this.process = process;
        this.grouped = grouped;
        this.stopSignal = stopSignal;
    }

    /**
     * Starts the builder's command in a new session (so pid == process group) and registers it.
     *
     * @param stopSignal the signal that stops it cleanly (TERM for a JVM)
     */
    public static ManagedProcess start(ProcessBuilder builder, String stopSignal) {
        builder.command(Processes.inOwnSession(builder.command()));
        try {
            Process p = builder.start();
            boolean grouped = Processes.sessionsSupported();
            if (grouped) {
                Watchdog.shared().watchGroup(p.pid(), stopSignal);
            } else {
                Watchdog.shared().watchProcess(p.pid(), stopSignal);
            }
            return new ManagedProcess(p, grouped, stopSignal);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + builder.command(), e);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends the stop signal to the process group, waits up to {@code grace}, then KILLs the group.
     *
     * @return true if it stopped within the grace period
     */
    public synchronized boolean stop(Duration grace) {
        if (stopped) {
            return true;
        }
        boolean clean = true;
        if (process.isAlive()) {
            Processes.signal(process.pid(), grouped, stopSignal);
            clean = Processes.awaitExit(process, grace);
        }
        if (grouped) {
            Processes.signal(process.pid(), true, "KILL");
        }
        reap();
        return clean;
    }

    /**
     * SIGKILL to the process (and its group): no shutdown hook runs, nothing is drained or flushed,
     * as when the machine loses the process. For crash tests.
     */
    public synchronized void kill() {
        if (stopped) {
            return;
        }
        Processes.signal(process.pid(), grouped, "KILL");
        reap();
    }

    /** Forces the process down if it still runs, waits for its exit and stops watching it. */
    private void reap() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Processes.awaitExit(process, Duration.ofSeconds(10));
        Watchdog.shared().forget(process.pid());
        stopped = true;
    }

    /** The last lines of a log file, with a header naming it, for error messages. */
    public static String tail(Path file, int lines) {
        return Processes.tail(file, lines);
    }
}
