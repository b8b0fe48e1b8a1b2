package io.fairshare.contracts.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.canonical.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement export with its proofs verifies offline; any single changed field, or a foreign signature, does not. */
class VerifierTest {
    private static final KeyPair OPERATOR = OperatorKey.generate();

    /** A society statement in settlement's canonical form, two lines and one adjustment. */
    static String statement(String id, String period) {
        CanonicalJson j = new CanonicalJson().beginObject()
                .field("schema", "fairshare.settlement.society-statement.v1")
                .field("statementId", id)
                .field("currency", "KRW");
        j.name("period").beginObject().field("id", period).field("zone", "Asia/Seoul").field("firstDay", period + "-01")
                .field("lastDay", period + "-30").endObject();
        j.name("payee").beginObject().field("kind", "SOCIETY").field("id", "KOMCA").endObject();
        j.name("lines").beginArray();
        line(j, "party-a", "work-1", 1000, "12.5", "1481");
        line(j, "party-b", "work-2", 250, "3", "371");
        j.endArray();
        j.name("adjustments").beginArray();
        line(j, "party-c", "work-3", 7, "7", "9");
        j.endArray();
        j.name("violations").beginArray().endArray();
        return j.endObject().toString();
    }

    private static void line(CanonicalJson j, String party, String work, long units, String attributed, String amount) {
        j.beginObject().field("platformId", "plat-1").field("societyId", "KOMCA").field("partyId", party).field("workId", work)
                .field("workCategory", "book").field("usageType", "pre-training").field("unitKind", "tokens").field("status", "LICENSED")
                .field("tariffId", "t-1").field("pricedWith", "t-1").field("disputed", false).field("backClaim", false)
                .field("correctsPeriod", null).field("events", 3).field("units", units).field("attributedUnits", attributed)
                .field("amount", amount).endObject();
    }

    /** A log of 5 earlier leaves, then the statement's 3 lines and another statement's 3: the export of the first. */
    static String export(KeyPair signer, String statement) {
        List<byte[]> log = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            log.add(MerkleTree.leafHash(new byte[] {(byte) i}));
        }
        int first = log.size();
        List<StatementLines.Line> lines = StatementLines.of(statement);
        lines.forEach(l -> log.add(l.leafHash()));
        StatementLines.of(statement("S-2026-11-other", "2026-11")).forEach(l -> log.add(l.leafHash()));
        SignedTreeHead head = new SignedTreeHead("2026-11", log.size(), first, log.size() - first, MerkleTree.root(log),
                Instant.parse("2026-12-01T00:05:00Z"), "2026-10", new byte[32], null).signedWith(signer.getPrivate());
        MerkleTree.Levels tree = MerkleTree.build(log, log.size());
        List<VerifiableStatement.Proof> proofs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            proofs.add(new VerifiableStatement.Proof(lines.get(i).section(), lines.get(i).lineNumber(), first + i, tree.inclusionProof(first + i)));
        }
        return new String(new VerifiableStatement(statement, head, OperatorKey.encode(OPERATOR.getPublic()), proofs).toJson(),
                StandardCharsets.UTF_8);
    }

    private static Verifier.Result verify(String export) {
        return Verifier.verify(export, null, OPERATOR.getPublic());
    }

    @Test
    void aGoodExportVerifies() {
        Verifier.Result r = verify(export(OPERATOR, statement("S-2026-11-KOMCA", "2026-11")));
        assertEquals(List.of(), r.failures());
        assertEquals(3, r.linesChecked());
        assertTrue(r.verified());
    }

    @Test
    void eachSingleChangedFieldFailsNamingItsLine() {
        String good = export(OPERATOR, statement("S-2026-11-KOMCA", "2026-11"));
        String[][] tamperings = {
                {"\"amount\":\"371\"", "\"amount\":\"372\"", "lines[1]"},
                {"\"units\":250", "\"units\":251", "lines[1]"},
                {"\"partyId\":\"party-b\"", "\"partyId\":\"party-x\"", "lines[1]"},
                {"\"workId\":\"work-1\"", "\"workId\":\"work-9\"", "lines[0]"},
                {"\"attributedUnits\":\"12.5\"", "\"attributedUnits\":\"12.6\"", "lines[0]"},
                {"\"amount\":\"9\"", "\"amount\":\"10\"", "adjustments[0]"},
        };
        for (String[] t : tamperings) {
            assertTrue(good.contains(t[0]), t[0]);
            Verifier.Result r = verify(good.replace(t[0], t[1]));
            assertFalse(r.verified(), t[0] + " -> " + t[1]);
            assertEquals(1, r.failures().size(), r.failures().toString());
            assertTrue(r.failures().get(0).startsWith("line S-2026-11-KOMCA " + t[2] + ":"), r.failures().toString());
        }
        // A field every line shares fails every line.
        Verifier.Result platform = verify(good.replace("\"platformId\":\"plat-1\"", "\"platformId\":\"plat-2\""));
        assertEquals(3, platform.failures().size(), platform.failures().toString());
        Verifier.Result payee = verify(good.replace("\"id\":\"KOMCA\"", "\"id\":\"JASRAC\""));
        assertEquals(3, payee.failures().size(), payee.failures().toString());
    }

    @Test
    void aRemovedOrAddedLineFails() {
        String good = export(OPERATOR, statement("S-2026-11-KOMCA", "2026-11"));
        String adjustment = good.substring(good.indexOf("\"adjustments\":[") + 15, good.indexOf("],\"currency\""));
        Verifier.Result removed = verify(good.replace(adjustment, ""));
        assertEquals(List.of("line S-2026-11-KOMCA adjustments[0]: a proof for a line the statement does not have"), removed.failures());
        Verifier.Result added = verify(good.replace("\"violations\":[]", "\"violations\":[" + adjustment + "]"));
        assertEquals(List.of("line S-2026-11-KOMCA violations[0]: no inclusion proof"), added.failures());
    }

    @Test
    void aTreeHeadSignedWithAnotherKeyFails() {
        String forged = export(OperatorKey.generate(), statement("S-2026-11-KOMCA", "2026-11"));
        Verifier.Result r = verify(forged);
        assertEquals(List.of("the tree head's signature does not verify with the operator's public key (period 2026-11)"), r.failures());
        // The key the export carries is the operator's, so the forgery fails without --public-key too.
        assertFalse(Verifier.verify(forged, null, null).verified());
    }

    @Test
    void aChangedTreeHeadFailsItsSignature() {
        String good = export(OPERATOR, statement("S-2026-11-KOMCA", "2026-11"));
        Verifier.Result r = verify(good.replace("\"issuedAt\":\"2026-12-01T00:05:00Z\"", "\"issuedAt\":\"2026-12-01T00:06:00Z\""));
        assertEquals(List.of("the tree head's signature does not verify with the operator's public key (period 2026-11)"), r.failures());
    }

    @Test
    void headsOfTwoClosesAreConsistentAndEachNamesThePreviousOne() {
        List<byte[]> log = new ArrayList<>();
        StatementLines.of(statement("S-2026-10-KOMCA", "2026-10")).forEach(l -> log.add(l.leafHash()));
        SignedTreeHead october = new SignedTreeHead("2026-10", log.size(), 0, log.size(), MerkleTree.root(log), Instant.parse("2026-11-01T00:00:00Z"),
                null, null, null).signedWith(OPERATOR.getPrivate());
        StatementLines.of(statement("S-2026-11-KOMCA", "2026-11")).forEach(l -> log.add(l.leafHash()));
        SignedTreeHead november = new SignedTreeHead("2026-11", log.size(), 3, 3, MerkleTree.root(log), Instant.parse("2026-12-01T00:00:00Z"),
                "2026-10", october.headHash(), null).signedWith(OPERATOR.getPrivate());
        List<byte[]> proof = MerkleTree.consistencyProof(log, 3, 6);
        assertTrue(Verifier.consistent(october, november, proof));
        assertTrue(november.signatureVerifies(OPERATOR.getPublic()));
        assertEquals(HexFormat.of().formatHex(october.headHash()), HexFormat.of().formatHex(november.previousHeadHash()));
        // A changed October line: the November tree no longer extends the October one.
        List<byte[]> changed = new ArrayList<>(log);
        changed.set(1, MerkleTree.leafHash(new byte[] {9}));
        SignedTreeHead rewritten = new SignedTreeHead("2026-11", 6, 3, 3, MerkleTree.root(changed), november.issuedAt(), "2026-10",
                october.headHash(), null);
        assertFalse(Verifier.consistent(october, rewritten, MerkleTree.consistencyProof(changed, 3, 6)));
    }

    @Test
    void theTreeHeadRoundTripsThroughItsJson() {
        SignedTreeHead h = new SignedTreeHead("2026-11", 9, 5, 4, new byte[32], Instant.parse("2026-12-01T00:05:00.123Z"), null, null, null)
                .signedWith(OPERATOR.getPrivate());
        SignedTreeHead back = SignedTreeHead.fromJson(h.toJson());
        assertTrue(back.sameSignedContent(h));
        assertTrue(back.signatureVerifies(OPERATOR.getPublic()));
        assertTrue(h.toJson().startsWith("{\"issuedAt\":\"2026-12-01T00:05:00.123Z\",\"periodFirstLeaf\":5,"), h.toJson());
    }

    @Test
    void thePublicKeyOfAPrivateKeyIsDerivedAndTheRfc8032VectorVerifies() {
        KeyPair k = OperatorKey.generate();
        PublicKey derived = OperatorKey.publicKeyOf(OperatorKey.privateKey(OperatorKey.encode(k.getPrivate())));
        assertEquals(OperatorKey.encode(k.getPublic()), OperatorKey.encode(derived));
        // RFC 8032 section 7.1, TEST 1: the empty message.
        String spki = java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                "302a300506032b6570032100" + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        byte[] sig = HexFormat.of().parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertTrue(OperatorKey.verify(OperatorKey.publicKey(spki), new byte[0], sig));
        sig[0] ^= 1;
        assertFalse(OperatorKey.verify(OperatorKey.publicKey(spki), new byte[0], sig));
    }

    @Test
    void theCommandExitsZeroOnAGoodExportAndOneNamingTheLineOnATamperedOne(@TempDir Path dir) throws Exception {
        String good = export(OPERATOR, statement("S-2026-11-KOMCA", "2026-11"));
        Path file = dir.resolve("statement.json");
        Path key = dir.resolve("operator.pub");
        Files.writeString(file, good);
        Files.writeString(key, "{\"publicKey\":\"" + OperatorKey.encode(OPERATOR.getPublic()) + "\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, VerifyCommand.run(new String[] {file.toString(), "--public-key", key.toString()}, new PrintStream(out), new PrintStream(err)),
                err.toString());
        assertTrue(out.toString().startsWith("verified: statement S-2026-11-KOMCA, 3 line(s)"), out.toString());

        Files.writeString(file, good.replace("\"amount\":\"1481\"", "\"amount\":\"1480\""));
        err.reset();
        assertEquals(1, VerifyCommand.run(new String[] {file.toString(), "--public-key", key.toString()}, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().contains("line S-2026-11-KOMCA lines[0]: its inclusion proof does not lead"), err.toString());
        assertNotEquals(0, VerifyCommand.run(new String[] {dir.resolve("missing.json").toString()}, new PrintStream(out), new PrintStream(err)));
        assertEquals(2, VerifyCommand.run(new String[] {}, new PrintStream(out), new PrintStream(err)));
    }

    @Test
    void aTwentyThousandLineStatementVerifiesLineByLine() {
        String export = bigExport(20_000);
        Verifier.Result r = verify(export);
        assertEquals(List.of(), r.failures());
        assertEquals(20_000, r.linesChecked());
        Verifier.Result tampered = verify(export.replace("\"partyId\":\"party-12345\"", "\"partyId\":\"party-54321\""));
        assertEquals(List.of("line S-big lines[12345]: its inclusion proof does not lead to the tree head's root"
                + " (the line differs from the one issued, or the proof is wrong)"), tampered.failures());
    }

    /** The export of one society statement of {@code lines} lines, the whole log. */
    static String bigExport(int lines) {
        CanonicalJson j = new CanonicalJson().beginObject().field("schema", "fairshare.settlement.society-statement.v1")
                .field("statementId", "S-big").field("currency", "KRW");
        j.name("period").beginObject().field("id", "2026-11").endObject();
        j.name("payee").beginObject().field("kind", "SOCIETY").field("id", "KOMCA").endObject();
        j.name("lines").beginArray();
        for (int i = 0; i < lines; i++) {
            line(j, "party-" + i, "work-" + i, i, Integer.toString(i), Integer.toString(i % 977));
        }
        String statement = j.endArray().endObject().toString();
        List<byte[]> log = StatementLines.of(statement).stream().map(StatementLines.Line::leafHash).toList();
        MerkleTree.Levels tree = MerkleTree.build(log, log.size());
        SignedTreeHead head = new SignedTreeHead("2026-11", log.size(), 0, log.size(), tree.root(), Instant.now(), null, null, null)
                .signedWith(OPERATOR.getPrivate());
        List<VerifiableStatement.Proof> proofs = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            proofs.add(new VerifiableStatement.Proof("lines", i, i, tree.inclusionProof(i)));
        }
        return new String(new VerifiableStatement(statement, head, OperatorKey.encode(OPERATOR.getPublic()), proofs).toJson(),
                StandardCharsets.UTF_8);
    }

    static PublicKey operatorPublicKey() {
        return OPERATOR.getPublic();
    }
}
