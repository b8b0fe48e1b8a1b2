package io.fairshare.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny shell process that outlives this JVM just long enough to clean up after it.
 *
 * <p>Its stdin is a pipe that only this JVM holds. The JVM tells it, one line at a time, which
 * process groups and directories it owns. When the pipe closes (the JVM exited, crashed or was
 * {@code kill -9}ed) the watchdog sends each registered group its stop signal, waits up to the
 * grace period, sends KILL to whatever is left and deletes the registered directories. A server
 * stopped cleanly is {@linkplain #forget forgotten} first, so a normal exit leaves it nothing to do.
 * The watchdog runs in its own session and ignores INT, TERM and HUP, so a Ctrl-C that stops the
 * JVM does not stop it.
 */
public final class Watchdog implements AutoCloseable {
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static Watchdog shared;

    private final Process process;
    private final OutputStream pipe;
    private boolean broken;

    private Watchdog(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /** The JVM-wide watchdog, started on first use; it lives until the JVM ends. */
    public static synchronized Watchdog shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(DEFAULT_GRACE);
        }
        return shared;
    }

    /** Starts a watchdog of its own (tests use this); {@link #close()} makes it clean up and exit. */
    public static Watchdog start(Duration grace) {
        long tenths = Math.max(1, grace.toMillis() / 100);
        List<String> command = new ArrayList<>(Processes.inOwnSession(List.of("/bin/sh", "-c", script(tenths))));
        try {
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Watchdog(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watchdog (/bin/sh)", e);
        }
    }

    private static String script(long graceTenths) {
        return String.join("\n",
                "set -f",
                "nl='",
                "'",
                "procs=''",
                "dirs=''",
                "trap '' INT HUP TERM QUIT PIPE",
                "while IFS= read -r line; do",
                "  case $line in",
                "    'dir '*) dirs=\"$dirs${line#dir }$nl\" ;;",
                "    'undir '*) d=${line#undir }; keep=''; IFS=$nl;"
                        + " for x in $dirs; do [ \"$x\" = \"$d\" ] || keep=\"$keep$x$nl\"; done; unset IFS; dirs=$keep ;;",
                "    *) set -- $line",
                "       case $1 in",
                "         group) procs=\"$procs -$2:$3\" ;;",
                "         process) procs=\"$procs $2:$3\" ;;",
                "         forget) keep=''; for e in $procs; do case $e in \"$2:\"*|\"-$2:\"*) ;; *) keep=\"$keep $e\" ;; esac; done;"
                        + " procs=$keep ;;",
                "       esac ;;",
                "  esac",
                "done",
                "for e in $procs; do kill -s \"${e#*:}\" -- \"${e%%:*}\" 2>/dev/null; done",
                "i=0",
                "while [ $i -lt " + graceTenths + " ]; do",
                "  alive=''",
                "  for e in $procs; do kill -s 0 -- \"${e%%:*}\" 2>/dev/null && alive=1; done",
                "  [ -z \"$alive\" ] && break",
                "  sleep 0.1; i=$((i+1))",
                "done",
                "for e in $procs; do kill -s KILL -- \"${e%%:*}\" 2>/dev/null; done",
                "IFS=$nl; for x in $dirs; do [ -n \"$x\" ] && rm -rf -- \"$x\"; done",
                "");
    }

    /** The watchdog's own pid. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Watches a process that leads its own process group (started with setsid): on the JVM's death
     * the whole group gets {@code signal} (TERM, INT...), then KILL after the grace period.
     */
    public void watchGroup(long pgid, String signal) {
        send("group " + pgid + " " + checkSignal(signal));
    }

    /** Watches a single process (not a group leader): it gets {@code signal}, then KILL. */
    public void watchProcess(long pid, String signal) {
        send("process " + pid + " " + checkSignal(signal));
    }

    /** Stops watching a process or group (call it once the server stopped cleanly). */
    public void forget(long pid) {
        send("forget " + pid);
    }

    /** Deletes the directory (recursively) after the JVM's death. */
    public void watchDirectory(Path dir) {
        send("dir " + checkPath(dir));
    }

    public void forgetDirectory(Path dir) {
        send("undir " + checkPath(dir));
    }

    private static String checkSignal(String signal) {
        if (!signal.matches("[A-Z]{3,6}")) {
            throw new IllegalArgumentException("not a signal name: " + signal);
        }
        return signal;
    }

    private static String checkPath(Path dir) {
        String s = dir.toAbsolutePath().normalize().toString();
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.equals("/")) {
            throw new IllegalArgumentException("the watchdog cannot handle the path " + s);
        }
        return s;
    }

    private synchronized void send(String line) {
        if (broken) {
            return;
        }
        try {
            pipe.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            pipe.flush();
        } catch (IOException e) {
            broken = true;
            Progress.line("WARNING: the watchdog (pid " + process.pid() + ") is gone; servers will not be"
                    + " cleaned up if this JVM is killed: " + e.getMessage());
        }
    }

    /**
     * Closes the pipe: the watchdog stops what is still registered, deletes the registered
     * directories and exits. Waits for it to finish.
     */
    @Override
    public void close() {
        synchronized (this) {
            broken = true;
            try {
                pipe.close();
            } catch (IOException ignored) {
                // it is gone already; nothing left to tell it
            }
        }
        Processes.awaitExit(process, Duration.ofSeconds(60));
    }
}
