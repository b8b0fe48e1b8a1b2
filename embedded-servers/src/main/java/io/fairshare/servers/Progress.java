package io.fairshare.servers;

import java.util.Locale;

/** Progress lines while servers start and stop, on stderr so that a program's own output stays clean. */
final class Progress {
    private Progress() {
    }

    static void line(String message) {
        System.err.println("[fairshare] " + message);
        System.err.flush();
    }

    /** "4.8 s" for a duration measured with {@link System#nanoTime()}. */
    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
