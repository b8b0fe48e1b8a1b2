package io.fairshare.contracts.transparency;


/**
 * Issue 14's performance line: the verifier checks a statement of 100,000 lines in under 5 s. A main,
 * not a test (timings on a shared machine are not a pass or fail): run with
 * {@code java -cp contracts/target/classes:contracts/target/test-classes io.fairshare.contracts.transparency.VerifierBenchmark [lines] [rounds]}.
 */
public final class VerifierBenchmark {
    private VerifierBenchmark() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        String export = VerifierTest.bigExport(lines);
        System.out.printf("%d lines: export of %d MB written (leaf forms, tree, proofs) in %d ms%n", lines, export.length() / 1_000_000,
                (System.nanoTime() - t0) / 1_000_000);
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            Verifier.Result result = Verifier.verify(export, null, VerifierTest.operatorPublicKey());
            long ms = (System.nanoTime() - t) / 1_000_000;
            System.out.printf("round %d: %s, %d lines checked in %d ms (%s 5 s)%n", r + 1, result.verified() ? "verified" : result.failures(),
                    result.linesChecked(), ms, ms < 5_000 ? "under" : "OVER");
        }
    }
}
