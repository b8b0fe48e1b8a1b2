package io.fairshare.contracts.transparency;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code fairshare verify <statement export> [--tree-head FILE] [--public-key FILE]}: checks a
 * verifiable statement export offline. Exit 0: every line verified; 1: something failed (each
 * failure is named, line by line); 2: the command was used wrongly or a file cannot be read.
 */
public final class VerifyCommand {
    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String export = null;
        String headFile = null;
        String keyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tree-head" -> headFile = i + 1 < args.length ? args[++i] : null;
                case "--public-key" -> keyFile = i + 1 < args.length ? args[++i] : null;
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                default -> {
                    if (export != null || args[i].startsWith("--")) {
                        usage(err);
                        return 2;
                    }
                    export = args[i];
                }
            }
        }
        if (export == null || (headFile == null && hasFlag(args, "--tree-head")) || (keyFile == null && hasFlag(args, "--public-key"))) {
            usage(err);
            return 2;
        }
        SignedTreeHead head;
        PublicKey key;
        String text;
        try {
            text = Files.readString(Path.of(export), StandardCharsets.UTF_8);
            head = headFile == null ? null : SignedTreeHead.fromJson(Files.readString(Path.of(headFile), StandardCharsets.UTF_8));
            key = keyFile == null ? null : OperatorKey.publicKey(publicKeyText(Files.readString(Path.of(keyFile), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            err.println("fairshare verify: cannot read " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("fairshare verify: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        Verifier.Result r = Verifier.verify(text, head, key);
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (key == null) {
            out.println("note: the public key was taken from the export itself; pass --public-key with the operator's published key to trust it");
        }
        if (r.verified()) {
            out.printf("verified: statement %s, %d line(s), against the tree head of period %s (tree size %d, root %s) in %d ms%n",
                    r.statementId(), r.linesChecked(), r.treeHead().periodId(), r.treeHead().treeSize(), r.treeHead().rootHashHex(), ms);
            return 0;
        }
        err.printf("NOT verified: statement %s, %d failure(s):%n", r.statementId(), r.failures().size());
        r.failures().forEach(f -> err.println("  " + f));
        return 1;
    }

    /** A key file holds the base64 SubjectPublicKeyInfo, or the public-key endpoint's JSON answer. */
    private static String publicKeyText(String file) {
        String t = file.trim();
        if (t.startsWith("{")) {
            Object v = JsonText.object(JsonText.parse(t), "the public key file").get("publicKey");
            if (v instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException("the public key file's JSON has no publicKey string");
        }
        return t.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
    }

    private static boolean hasFlag(String[] args, String flag) {
        for (String a : args) {
            if (a.equals(flag)) {
                return true;
            }
        }
        return false;
    }

    private static void usage(PrintStream to) {
        to.println("usage: fairshare verify <statement export> [--tree-head FILE] [--public-key FILE]");
        to.println("  checks every line's inclusion proof against the period's signed tree head, and the head's Ed25519 signature, offline");
        to.println("  exit 0: verified; 1: a line or the head failed (named); 2: wrong use or unreadable file");
    }
}
