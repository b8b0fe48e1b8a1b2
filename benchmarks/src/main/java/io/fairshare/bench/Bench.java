package io.fairshare.bench;

import java.util.Arrays;

/** {@code ./fairshare bench <name> [--key value ...]}: the project's benchmarks, one command each. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("usage: ./fairshare bench ingest [--events N] [--batch N] [--connections N] [--baseline-records N]\n"
                    + "       ./fairshare bench close [--rows N | --quick]\n"
                    + "       ./fairshare bench pipeline [--events N] [--connections N] [--batch N] [--baseline-records N]");
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ingest" -> IngestBenchmark.main(rest);
            case "close" -> CloseBenchmark.main(rest);
            case "pipeline" -> PipelineBenchmark.main(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0] + " (known: ingest, close, pipeline)");
                System.exit(2);
            }
        }
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }

    static void awaitReady(String url, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            try {
                if (c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(url + " not ready within " + timeout.toSeconds() + " s");
    }

    static void write(java.nio.file.Path root, String name, String md) throws java.io.IOException {
        java.nio.file.Path out = root.resolve("benchmarks/target/" + name + "-" + java.time.Instant.now().toString().replace(':', '-') + ".md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, md);
        System.out.println("written to " + out);
    }
}
