package io.fairshare.settlement.application;

import io.fairshare.contracts.transparency.CompactRange;
import io.fairshare.contracts.transparency.MerkleTree;
import io.fairshare.contracts.transparency.OperatorKey;
import io.fairshare.contracts.transparency.SignedTreeHead;
import io.fairshare.contracts.transparency.StatementLines;
import io.fairshare.contracts.transparency.VerifiableStatement;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.config.TransparencySettings;
import io.fairshare.settlement.persistence.SettlementStore;
import io.fairshare.settlement.persistence.TransparencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The statement log (issue 14, section 4): at each close, every issued line of the period is
 * appended as an RFC 9162 leaf ({@link StatementLines}: statements in id order, then sections, then
 * lines), and a tree head over the whole log is signed with the operator's Ed25519 key, naming the
 * previous head's hash. Inclusion proofs, consistency proofs and verifiable exports are read from it.
 */
@ApplicationScoped
public class TransparencyLog {
    private static final Logger LOG = Logger.getLogger(TransparencyLog.class);

    /** A line's inclusion proof against its period's tree head. */
    public record Inclusion(String statementId, String section, int lineNumber, long leafIndex, String leafHash, List<String> auditPath,
                            String treeHead) {
    }

    /** The consistency proof from one period's head to a later one's. */
    public record Consistency(String fromPeriod, long fromTreeSize, String toPeriod, long toTreeSize, List<String> proof) {
    }

    private final TransparencyStore log;
    private final SettlementStore statements;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean enabled;
    private final io.micrometer.core.instrument.Timer appendTime;

    public TransparencyLog(TransparencyStore log, SettlementStore statements, TransparencySettings settings,
                           io.micrometer.core.instrument.MeterRegistry meters) {
        this.log = log;
        this.appendTime = io.micrometer.core.instrument.Timer.builder("fairshare.settlement.transparency.append")
                .description("time a close spends appending its period to the statement log and signing the head").register(meters);
        this.enabled = settings.enabled();
        this.statements = statements;
        if (settings.privateKey().filter(k -> !k.isBlank()).isPresent()) {
            this.privateKey = OperatorKey.privateKey(settings.privateKey().get());
            this.publicKey = OperatorKey.publicKeyOf(privateKey);
            LOG.infof("statement log: signing with the configured operator key; public key %s", OperatorKey.encode(publicKey));
        } else {
            String[] kept = log.generatedKey().orElseGet(() -> {
                var pair = OperatorKey.generate();
                return log.keepGeneratedKey(OperatorKey.encode(pair.getPrivate()), OperatorKey.encode(pair.getPublic()));
            });
            this.privateKey = OperatorKey.privateKey(kept[0]);
            this.publicKey = OperatorKey.publicKey(kept[1]);
            LOG.warnf("statement log: no fairshare.settlement.transparency.private-key is set; signing with a generated development key"
                    + " kept in the database; public key %s", kept[1]);
        }
    }

    public String publicKey() {
        return OperatorKey.encode(publicKey);
    }

    /**
     * Appends a closed period's statements to the log and signs its head, unless the period is in the
     * log already. {@code issued} are the statements just stored by the close (with their bytes); an
     * empty list reads them from the store. Nothing (empty) while the log is switched off
     * ({@code fairshare.settlement.transparency.enabled=false}, a benchmark's baseline).
     */
    public Optional<SignedTreeHead> publish(String periodId, List<StatementRecord> issued) {
        if (!enabled) {
            LOG.warnf("statement log: switched off (fairshare.settlement.transparency.enabled=false); period %s gets no tree head", periodId);
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        TransparencyStore.StoredHead head = log.append(periodId, (previous, before) -> {
            List<StatementRecord> all = new ArrayList<>(issued.isEmpty() ? stored(periodId) : issued);
            all.sort(Comparator.comparing(StatementRecord::statementId));
            List<TransparencyStore.NewLeaf> added = new ArrayList<>();
            for (StatementRecord s : all) {
                for (StatementLines.Line l : StatementLines.of(new String(s.canonical(), StandardCharsets.UTF_8))) {
                    added.add(new TransparencyStore.NewLeaf(s.statementId(), l.section(), l.lineNumber(), l.leafHash()));
                }
            }
            // the new root from the previous head's right edge and this period's leaves only: the root MerkleTree.root
            // computes over every leaf of the log (CompactRangeTest)
            CompactRange after = before.append(added.stream().map(TransparencyStore.NewLeaf::leafHash).toList());
            SignedTreeHead previousHead = previous.map(p -> SignedTreeHead.fromJson(p.headJson())).orElse(null);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            SignedTreeHead signed = new SignedTreeHead(periodId, after.size(), before.size(), added.size(), after.root(), now,
                    previousHead == null ? null : previousHead.periodId(), previousHead == null ? null : previousHead.headHash(), null)
                    .signedWith(privateKey);
            return new TransparencyStore.NewHead(periodId, after.size(), before.size(), added, signed.rootHash(), signed.headHash(),
                    signed.toJson(), publicKey(), now, after);
        });
        long took = System.nanoTime() - t0;
        appendTime.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        SignedTreeHead h = SignedTreeHead.fromJson(head.headJson());
        LOG.infof("statement log: period %s is leaves %d..%d of the log, tree size %d, root %s (%d ms)", periodId, h.periodFirstLeaf(),
                h.treeSize() - 1, h.treeSize(), h.rootHashHex(), took / 1_000_000);
        return Optional.of(h);
    }

    public Optional<SignedTreeHead> head(String periodId) {
        return log.head(periodId).map(h -> SignedTreeHead.fromJson(h.headJson()));
    }

    public SignedTreeHead requireHead(String periodId) {
        return head(periodId).orElseThrow(() -> ApiProblem.notFound("period " + periodId + " has no tree head: it is not closed"));
    }

    public Consistency consistency(String fromPeriod, String toPeriod) {
        SignedTreeHead from = requireHead(fromPeriod);
        SignedTreeHead to = requireHead(toPeriod);
        if (from.treeSize() > to.treeSize()) {
            throw ApiProblem.invalid("the consistency proof goes from an earlier head to a later one: period " + fromPeriod
                    + " (tree size " + from.treeSize() + ") is later than period " + toPeriod + " (tree size " + to.treeSize() + ")", List.of());
        }
        List<byte[]> leaves = log.leaves(to.treeSize());
        List<String> proof = hex(MerkleTree.consistencyProof(leaves, (int) from.treeSize(), (int) to.treeSize()));
        return new Consistency(fromPeriod, from.treeSize(), toPeriod, to.treeSize(), proof);
    }

    /** The inclusion proof of one line of {@code statement}, against the head of the statement's period. */
    public Inclusion inclusion(StatementRecord statement, String section, int lineNumber) {
        SignedTreeHead head = requireHead(statement.periodId());
        TransparencyStore.LeafPlace place = log.places(statement.statementId()).stream()
                .filter(p -> p.section().equals(section) && p.lineNumber() == lineNumber).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("statement " + statement.statementId() + " has no line " + section + "[" + lineNumber + "]"));
        List<byte[]> leaves = log.leaves(head.treeSize());
        MerkleTree.Levels tree = MerkleTree.build(leaves, leaves.size());
        return new Inclusion(statement.statementId(), section, lineNumber, place.leafIndex(),
                java.util.HexFormat.of().formatHex(leaves.get((int) place.leafIndex())), hex(tree.inclusionProof((int) place.leafIndex())),
                head.toJson());
    }

    /** The statement with its period's tree head, the public key and every line's proof: what {@code fairshare verify} checks. */
    public byte[] verifiableExport(StatementRecord statement) {
        SignedTreeHead head = requireHead(statement.periodId());
        List<byte[]> leaves = log.leaves(head.treeSize());
        MerkleTree.Levels tree = MerkleTree.build(leaves, leaves.size());
        List<VerifiableStatement.Proof> proofs = new ArrayList<>();
        for (TransparencyStore.LeafPlace p : log.places(statement.statementId())) {
            proofs.add(new VerifiableStatement.Proof(p.section(), p.lineNumber(), p.leafIndex(), tree.inclusionProof((int) p.leafIndex())));
        }
        String publicKeyOfHead = log.head(statement.periodId()).map(TransparencyStore.StoredHead::publicKey).orElse(publicKey());
        return new VerifiableStatement(new String(statement.canonical(), StandardCharsets.UTF_8), head, publicKeyOfHead, proofs).toJson();
    }

    private List<StatementRecord> stored(String periodId) {
        List<StatementRecord> out = new ArrayList<>();
        for (StatementRecord meta : statements.statements(periodId)) {
            out.add(statements.statement(meta.statementId()).orElseThrow());
        }
        return out;
    }

    private static List<String> hex(List<byte[]> hashes) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return hashes.stream().map(hex::formatHex).toList();
    }
}
