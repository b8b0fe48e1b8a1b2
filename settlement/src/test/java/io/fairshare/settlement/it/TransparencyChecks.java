package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.transparency.MerkleTree;
import io.fairshare.contracts.transparency.OperatorKey;
import io.fairshare.contracts.transparency.SignedTreeHead;
import io.fairshare.contracts.transparency.Verifier;
import io.restassured.path.json.JsonPath;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * The statement log through the API, on the periods {@link CloseFlowTest} closed (2025-01, 2025-02,
 * 2025-03, in that order): signed heads, proofs, and verifiable exports that the contracts'
 * verifier accepts, and refuses once a field is changed.
 */
final class TransparencyChecks {
    private static final HexFormat HEX = HexFormat.of();

    private TransparencyChecks() {
    }

    static PublicKey publicKey() {
        String key = given().get("/v1/transparency/public-key").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519")).extract().path("publicKey");
        return OperatorKey.publicKey(key);
    }

    static SignedTreeHead head(String period) {
        return SignedTreeHead.fromJson(given().get("/v1/transparency/periods/" + period + "/tree-head").then().statusCode(200)
                .extract().asString());
    }

    static void eachClosedPeriodHasASignedHeadThatNamesThePreviousOne() {
        PublicKey key = publicKey();
        SignedTreeHead jan = head("2025-01");
        SignedTreeHead feb = head("2025-02");
        SignedTreeHead mar = head("2025-03");
        for (SignedTreeHead h : List.of(jan, feb, mar)) {
            assertTrue(h.signatureVerifies(key), h.periodId());
            assertEquals(h.periodFirstLeaf() + h.periodLeafCount(), h.treeSize(), h.periodId());
        }
        // 2025-01: s-alpha 1 line + 1 violation, s-beta 1 line, the platform 1 unclaimed line
        assertEquals(0, jan.periodFirstLeaf());
        assertEquals(4, jan.treeSize());
        assertEquals(null, jan.previousHeadHash());
        assertEquals(jan.treeSize(), feb.periodFirstLeaf());
        assertEquals("2025-01", feb.previousPeriodId());
        assertArrayEquals(jan.headHash(), feb.previousHeadHash());
        assertArrayEquals(feb.headHash(), mar.previousHeadHash());
        // closing again changes nothing in the log
        operator().post("/v1/periods/2025-01/close").then().statusCode(200);
        assertTrue(head("2025-01").sameSignedContent(jan));
    }

    static void consistencyProofsShowThatEarlierPeriodsWereNotChanged() {
        SignedTreeHead jan = head("2025-01");
        SignedTreeHead mar = head("2025-03");
        JsonPath proof = given().queryParam("from", "2025-01").get("/v1/transparency/periods/2025-03/consistency").then().statusCode(200)
                .body("fromTreeSize", equalTo((int) jan.treeSize())).body("toTreeSize", equalTo((int) mar.treeSize())).extract().jsonPath();
        List<byte[]> path = proof.getList("proof", String.class).stream().map(HEX::parseHex).toList();
        assertTrue(Verifier.consistent(jan, mar, path));
        assertFalse(Verifier.consistent(head("2025-02"), mar, path));
        given().queryParam("from", "2025-03").get("/v1/transparency/periods/2025-01/consistency").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().get("/v1/transparency/periods/2025-03/consistency").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().get("/v1/transparency/periods/2099-01/tree-head").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().get("/v1/transparency/periods/not-a-period/tree-head").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    static void aVerifiableExportVerifiesAndATamperedOneFailsNamingTheLine(String alpha, String beta) {
        PublicKey key = publicKey();
        String export = as("society-alpha-key").get("/v1/transparency/statements/" + alpha + "/verifiable").then().statusCode(200)
                .extract().asString();
        Verifier.Result good = Verifier.verify(export, head("2025-01"), key);
        assertEquals(List.of(), good.failures());
        assertEquals(2, good.linesChecked());

        String line = "{\"amount\":\"10\",\"attributedUnits\"";
        assertTrue(export.contains(line), export);
        Verifier.Result amount = Verifier.verify(export.replace(line, "{\"amount\":\"11\",\"attributedUnits\""), null, key);
        assertEquals(1, amount.failures().size(), amount.failures().toString());
        assertTrue(amount.failures().get(0).startsWith("line " + alpha + " lines[0]:"), amount.failures().toString());
        Verifier.Result party = Verifier.verify(export.replace("\"partyId\":\"p-3\"", "\"partyId\":\"p-9\""), null, key);
        assertEquals(1, party.failures().size(), party.failures().toString());
        assertTrue(party.failures().get(0).startsWith("line " + alpha + " violations[0]:"), party.failures().toString());
        // signed by anyone but the operator
        assertFalse(Verifier.verify(export, null, OperatorKey.generate().getPublic()).verified());

        // a society reads its own statements' proofs only; another statement answers 404 as if it did not exist
        as("society-beta-key").get("/v1/transparency/statements/" + alpha + "/verifiable").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        as("platform-a-key").get("/v1/transparency/statements/" + beta + "/lines/lines/0/inclusion").then().statusCode(404);
        given().get("/v1/transparency/statements/" + alpha + "/verifiable").then().statusCode(401);
    }

    static void aLinesInclusionProofLeadsToItsPeriodsRoot(String alpha) {
        SignedTreeHead jan = head("2025-01");
        JsonPath p = as("society-alpha-key").get("/v1/transparency/statements/" + alpha + "/lines/violations/0/inclusion").then()
                .statusCode(200).extract().jsonPath();
        List<byte[]> path = p.getList("auditPath", String.class).stream().map(HEX::parseHex).toList();
        assertTrue(MerkleTree.verifyInclusion(HEX.parseHex(p.getString("leafHash")), p.getLong("leafIndex"), jan.treeSize(), path, jan.rootHash()));
        assertTrue(SignedTreeHead.fromJson(p.getString("treeHead")).sameSignedContent(jan));
        as("society-alpha-key").get("/v1/transparency/statements/" + alpha + "/lines/violations/7/inclusion").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    /**
     * Each head's root, computed at its close from the previous head's right edge and the period's leaves only, is the
     * root of the full recomputation over every leaf of the log up to its size; and its own right edge is stored.
     */
    static void eachHeadsRootIsTheRootOfEveryLeafBeforeItAndItsRightEdgeIsKept(AgroalDataSource db) throws SQLException {
        int heads = 0;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT period_id, tree_size, root_hash FROM transparency_tree_head ORDER BY seq")) {
            while (rs.next()) {
                String period = rs.getString(1);
                long size = rs.getLong(2);
                byte[] root = rs.getBytes(3);
                List<byte[]> leaves = new java.util.ArrayList<>();
                List<byte[]> edge = new java.util.ArrayList<>();
                try (var ps = c.prepareStatement("SELECT leaf_hash FROM transparency_leaf WHERE leaf_index < ? ORDER BY leaf_index")) {
                    ps.setLong(1, size);
                    try (var l = ps.executeQuery()) {
                        while (l.next()) {
                            leaves.add(l.getBytes(1));
                        }
                    }
                }
                try (var ps = c.prepareStatement("SELECT hash FROM transparency_frontier WHERE period_id = ? ORDER BY position")) {
                    ps.setString(1, period);
                    try (var l = ps.executeQuery()) {
                        while (l.next()) {
                            edge.add(l.getBytes(1));
                        }
                    }
                }
                assertEquals(size, leaves.size());
                assertArrayEquals(MerkleTree.root(leaves), root, "period " + period);
                assertEquals(Long.bitCount(size), edge.size(), "period " + period);
                assertArrayEquals(root, io.fairshare.contracts.transparency.CompactRange.of(size, edge).root(), "period " + period);
                heads++;
            }
        }
        assertTrue(heads >= 2, "a log of at least two heads, so that one was appended to an earlier edge: " + heads);
    }

    static void theDatabaseRefusesToChangeTheLog(AgroalDataSource db) throws SQLException {
        String before = head("2025-01").toJson();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE transparency_leaf SET leaf_hash = '\\x00' WHERE leaf_index = 0"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM transparency_tree_head WHERE period_id = '2025-01'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE transparency_frontier SET hash = '\\x00' WHERE period_id = '2025-01'"));
        }
        assertEquals(before, head("2025-01").toJson());
    }
}
