package io.fairshare.contracts.transparency;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a verifiable statement export offline: the tree head's Ed25519 signature with the operator's
 * public key, that the head is the statement's period's, and every line's inclusion proof: the
 * line's canonical form ({@link StatementLines}) hashed as a leaf must lead, along its audit path, to
 * the head's root, at a leaf index inside the period's range. Every line needs a proof and every
 * proof a line.
 */
public final class Verifier {
    /** The outcome: which lines were checked, and what failed (empty when everything verified). */
    public record Result(String statementId, int linesChecked, SignedTreeHead treeHead, List<String> failures) {
        public boolean verified() {
            return failures.isEmpty();
        }
    }

    private Verifier() {
    }

    /**
     * @param treeHead  the head to check against (e.g. fetched separately from the operator); null: the export's own
     * @param publicKey the operator's key obtained independently; null: the key the export carries
     */
    public static Result verify(String exportJson, SignedTreeHead treeHead, PublicKey publicKey) {
        VerifiableStatement.Parsed export;
        try {
            export = VerifiableStatement.parse(exportJson);
        } catch (RuntimeException e) {
            return new Result(null, 0, null, List.of("the export cannot be read: " + e.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        SignedTreeHead head = treeHead != null ? treeHead : export.treeHead();
        if (treeHead != null && !treeHead.sameSignedContent(export.treeHead())) {
            failures.add("the export's tree head is not the tree head given (period " + export.treeHead().periodId() + ", size "
                    + export.treeHead().treeSize() + " against " + treeHead.periodId() + ", size " + treeHead.treeSize() + ")");
        }
        PublicKey key = publicKey;
        if (key == null) {
            try {
                key = OperatorKey.publicKey(export.publicKey());
            } catch (RuntimeException e) {
                failures.add("the export's public key cannot be read: " + e.getMessage());
            }
        }
        if (key != null && !head.signatureVerifies(key)) {
            failures.add("the tree head's signature does not verify with the operator's public key (period " + head.periodId() + ")");
        }
        List<StatementLines.Line> lines;
        try {
            lines = StatementLines.of(export.statement());
        } catch (RuntimeException e) {
            failures.add("the statement cannot be read: " + e.getMessage());
            return new Result(null, 0, head, List.copyOf(failures));
        }
        String statementId = String.valueOf(export.statement().get("statementId"));
        Object period = export.statement().get("period") instanceof Map<?, ?> p ? p.get("id") : null;
        if (!head.periodId().equals(period)) {
            failures.add("the statement is of period " + period + ", the tree head of period " + head.periodId());
        }
        Map<String, VerifiableStatement.Proof> proofs = new HashMap<>();
        for (VerifiableStatement.Proof p : export.proofs()) {
            proofs.put(p.section() + "[" + p.lineNumber() + "]", p);
        }
        long first = head.periodFirstLeaf();
        long end = first + head.periodLeafCount();
        for (StatementLines.Line line : lines) {
            VerifiableStatement.Proof p = proofs.remove(line.section() + "[" + line.lineNumber() + "]");
            if (p == null) {
                failures.add("line " + line.ref() + ": no inclusion proof");
                continue;
            }
            if (p.leafIndex() < first || p.leafIndex() >= end) {
                failures.add("line " + line.ref() + ": leaf " + p.leafIndex() + " is not one of period " + head.periodId() + "'s");
            } else if (!MerkleTree.verifyInclusion(line.leafHash(), p.leafIndex(), head.treeSize(), p.auditPath(), head.rootHash())) {
                failures.add("line " + line.ref() + ": its inclusion proof does not lead to the tree head's root"
                        + " (the line differs from the one issued, or the proof is wrong)");
            }
        }
        for (String orphan : proofs.keySet()) {
            failures.add("line " + statementId + " " + orphan + ": a proof for a line the statement does not have");
        }
        return new Result(statementId, lines.size(), head, List.copyOf(failures));
    }

    /** Whether {@code later} extends {@code earlier}: the consistency proof between their trees verifies. */
    public static boolean consistent(SignedTreeHead earlier, SignedTreeHead later, List<byte[]> proof) {
        return MerkleTree.verifyConsistency(earlier.treeSize(), later.treeSize(), earlier.rootHash(), later.rootHash(), proof);
    }
}
