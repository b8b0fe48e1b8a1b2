package io.fairshare.bench;

import java.util.Arrays;

/** {@code ./fairshare bench <name> [--key value ...]}: the project's benchmarks, one command each. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("usage: ./fairshare bench ingest [--events N] [--batch N] [--connections N] [--baseline-records N]");
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ingest" -> IngestBenchmark.main(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0] + " (known: ingest)");
                System.exit(2);
            }
        }
    }
}
