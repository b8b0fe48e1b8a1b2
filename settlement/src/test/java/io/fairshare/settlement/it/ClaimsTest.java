package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Claims on issued lines (issue 14, section 5), on a database and usage topic of their own: a party claims on its own
 * line; every cross-read or cross-raise is the 404 body of a guessed id; an open period is 409; the operator accepts with
 * a correction and the next close issues it as adjustment lines that point to the corrected line, with amounts computed
 * here from the events (statutory KRW 2 per 1,000 tokens) and the correction; the corrected statement keeps its bytes;
 * withdraw and reject; the operator's list holds the registry's over-claim disputes too.
 */
@QuarkusTest
@TestProfile(ClaimsTest.OwnTopic.class)
@WithTestResource(value = FairshareTestResources.class, initArgs = @ResourceArg(name = "database", value = "settlement_claims"))
class ClaimsTest {
    static final String TOPIC = "fairshare.usage.resolved.v1.claims-test";
    static final String MAY = "2023-05";
    static final String JUNE = "2023-06";
    static final String PARTY = "party-direct-key";   // p-direct, paid directly
    static final String ALPHA = "society-alpha-key";  // s-alpha
    static final String BETA = "society-beta-key";    // s-beta
    static final String PLATFORM_A = "platform-a-key"; // plat-a: the claims below charge plat-b

    public static class OwnTopic extends SettlementApi.OwnUsageTopic {
        public OwnTopic() {
            super(TOPIC, "settlement-claims-test");
        }
    }

    @Inject
    AgroalDataSource db;

    /** Statutory KRW 2 per 1,000 tokens at a full share. */
    static long statutory(long tokens) {
        return tokens * 2 / 1000;
    }

    static Map<String, Object> lineClaim(String type, String statementId, String section, int n, String evidence) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", type);
        b.put("periodId", statementId.substring(0, 7));
        b.put("line", Map.of("statementId", statementId, "section", section, "lineNumber", n));
        b.put("evidence", evidence);
        return b;
    }

    static io.restassured.response.ValidatableResponse raise(String token, Map<String, Object> body) {
        return as(token).contentType("application/json").body(body).post("/v1/claims").then();
    }

    static String notFound(io.restassured.response.ValidatableResponse r) {
        return r.statusCode(404).contentType("application/problem+json").extract().asString();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static byte[] bytes(String statementId) {
        return operator().get("/v1/statements/" + statementId).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void claimsAreRaisedSeenDecidedAndSettledOnceAsAdjustmentsThatPointToTheirLine() throws Exception {
        operator().contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then().statusCode(200);
        String may = MAY + "-15T00:00:00Z", june = JUNE + "-15T00:00:00Z";
        long directMay = 10_000, alphaMay = 20_000, betaMay = 10_000, disputedMay = 10_000, directJune = 30_000;
        List<UsageResolvedV1> events = List.of(
                event("plat-b", "cl-1", may, directMay, "w-1", line("p-direct", null, 10_000, LineStatus.UNLICENSED, null)),
                event("plat-b", "cl-2", may, alphaMay, "w-2", line("PX", "s-alpha", 10_000, LineStatus.UNLICENSED, null)),
                event("plat-b", "cl-3", may, betaMay, "w-3", line("PY", "s-beta", 10_000, LineStatus.UNLICENSED, null)),
                // an over-claimed work: the registry scaled the shares and flagged the line disputed
                event("plat-b", "cl-4", may, disputedMay, "w-4", new ResolvedLineV1("PX", "s-alpha", 10_000, LineStatus.UNLICENSED, null, null, true)),
                event("plat-b", "cl-5", june, directJune, "w-5", line("p-direct", null, 10_000, LineStatus.UNLICENSED, null)));
        SettlementApi.publish(TOPIC, events);
        SettlementApi.awaitCount(db, events.size(), "SELECT count(*) FROM usage_event WHERE event_id LIKE ?", "cl-%");

        // a second party, with an issued key
        BearerKeys.NewKey px = BearerKeys.PARTY.generate();
        PartyUsageTest.publishCredentials(PartyUsageTest.credential(px, CredentialV1.PARTY, "PX", List.of(), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(px.token()).get("/v1/claims").then().extract().statusCode() == 200);

        String directMayId = MAY + "/party/p-direct";
        Map<String, Object> wrongShare = lineClaim("WRONG_SHARE", directMayId, "lines", 0, "my share of w-1 is 100%, the registry shows 85%");

        // an open period has no issued lines: 409; an unknown period: 404; invalid fields: 400 naming them
        String open = raise(PARTY, wrongShare).statusCode(409).contentType("application/problem+json").extract().asString();
        assertTrue(open.contains("period-not-closed"), open);
        Map<String, Object> badPeriod = lineClaim("WRONG_SHARE", directMayId, "lines", 0, "x");
        badPeriod.put("periodId", "2023-13");
        raise(PARTY, badPeriod).statusCode(404).contentType("application/problem+json");
        Map<String, Object> invalid = lineClaim("NOT_A_TYPE", directMayId, "lines", 0, " ");
        JsonPath bad = raise(PARTY, invalid).statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of("type", "evidence"), bad.getList("errors.field"), bad.prettify());

        operator().post("/v1/periods/" + MAY + "/close").then().statusCode(200);
        byte[] mayBytes = bytes(directMayId);
        String maySha = operator().get("/v1/statements/" + directMayId).then().extract().header("X-Statement-Sha256");
        assertEquals(sha256(mayBytes), maySha);

        // the party raises a claim on its own line
        JsonPath raised = raise(PARTY, wrongShare).statusCode(201).extract().jsonPath();
        String claimId = raised.getString("id");
        assertTrue(claimId.startsWith("clm_"), claimId);
        assertEquals("OPEN", raised.getString("state"));
        assertEquals("claim", raised.getString("source"));
        assertEquals(Map.of("kind", "PARTY", "id", "p-direct"), raised.getMap("claimant"));
        assertEquals("w-1", raised.getString("workId"));
        assertEquals("plat-b", raised.getString("platformId"));
        assertEquals(List.of("OPEN"), raised.getList("history.state"));
        String twice = raise(PARTY, wrongShare).statusCode(409).extract().asString();
        assertTrue(twice.contains("claim-already-open") && twice.contains(claimId), twice);

        // every cross-read and cross-raise is the body of a guessed id
        String guessed = "clm_" + "0".repeat(24);
        String reference = notFound(as(PARTY).get("/v1/claims/" + guessed).then());
        List<String> reads = List.of(
                notFound(as(px.token()).get("/v1/claims/" + claimId).then()),      // another party
                notFound(as(ALPHA).get("/v1/claims/" + claimId).then()),           // a society, not the payee's
                notFound(as(BETA).get("/v1/claims/" + claimId).then()),
                notFound(as(PLATFORM_A).get("/v1/claims/" + claimId).then()),      // another platform
                notFound(as(PARTY).get("/v1/claims/not-even-an-id").then()),
                notFound(operator().get("/v1/claims/" + guessed).then()),
                notFound(as(px.token()).contentType("application/json").body("{}").post("/v1/claims/" + claimId + "/withdraw").then()));
        for (String body : reads) {
            assertEquals(reference, body);
        }
        assertFalse(reference.contains(claimId) || reference.contains("p-direct"), reference);
        String raiseReference = notFound(raise(PARTY, lineClaim("WRONG_SHARE", MAY + "/party/nobody", "lines", 0, "x")));
        assertEquals(reference, raiseReference, "a line one may not see answers as a claim one may not see");
        for (String token : List.of(px.token(), ALPHA, BETA, PLATFORM_A)) {
            assertEquals(reference, notFound(raise(token, wrongShare)), token);
        }
        assertEquals(reference, notFound(raise(PARTY, lineClaim("WRONG_SHARE", directMayId, "lines", 99, "x"))));
        assertEquals(reference, notFound(raise(PARTY, lineClaim("WRONG_SHARE", MAY + "/society/s-alpha", "lines", 0, "x"))));
        assertFalse(as(px.token()).get("/v1/claims").then().statusCode(200).extract().asString().contains(claimId));
        as("platform-a-key").get("/v1/claims").then().statusCode(200);

        // withdraw: the claimant only; a final state refuses every action, naming itself
        String second = raise(PARTY, lineClaim("OVER_CLAIM", directMayId, "lines", 0, "someone else claims w-1 too")).statusCode(201)
                .extract().jsonPath().getString("id");
        operator().contentType("application/json").body("{}").post("/v1/claims/" + second + "/withdraw").then().statusCode(403);
        as(PARTY).contentType("application/json").body(Map.of("note", "sorted out")).post("/v1/claims/" + second + "/withdraw").then()
                .statusCode(200).body("state", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        String again = as(PARTY).contentType("application/json").body("{}").post("/v1/claims/" + second + "/withdraw").then().statusCode(409)
                .contentType("application/problem+json").extract().asString();
        assertTrue(again.contains("claim-not-open") && again.contains("WITHDRAWN"), again);

        // reject: a society on its own statement's line, decided by the operator only
        String rejected = raise(ALPHA, lineClaim("WRONG_WORK", MAY + "/society/s-alpha", "lines", 0, "the line is w-22, not w-2")).statusCode(201)
                .extract().jsonPath().getString("id");
        as(ALPHA).contentType("application/json").body("{}").post("/v1/claims/" + rejected + "/reject").then().statusCode(403);
        operator().contentType("application/json").body(Map.of("note", "the registry's record is right")).post("/v1/claims/" + rejected + "/reject")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("REJECTED"));
        String late = operator().contentType("application/json").body(Map.of("corrections", List.of(Map.of("payeeKind", "SOCIETY",
                "payeeId", "s-alpha", "amountMinor", 1)))).post("/v1/claims/" + rejected + "/accept").then().statusCode(409).extract().asString();
        assertTrue(late.contains("REJECTED"), late);
        assertEquals(List.of("OPEN", "REJECTED"), as(ALPHA).get("/v1/claims/" + rejected).then().statusCode(200).extract().jsonPath()
                .getList("history.state"));

        // accept with a correction: p-direct is owed 150 won more, s-alpha was paid 50 too much
        long toDirect = 150, toAlpha = -50;
        operator().contentType("application/json").body(Map.of("corrections", List.of())).post("/v1/claims/" + claimId + "/accept").then()
                .statusCode(400);
        JsonPath accepted = operator().contentType("application/json").body(Map.of("note", "registry record corrected", "corrections", List.of(
                        Map.of("payeeKind", "PARTY", "payeeId", "p-direct", "amountMinor", toDirect),
                        Map.of("payeeKind", "SOCIETY", "payeeId", "s-alpha", "amountMinor", toAlpha, "currency", "KRW"))))
                .post("/v1/claims/" + claimId + "/accept").then().statusCode(200).extract().jsonPath();
        assertEquals("ACCEPTED", accepted.getString("state"));
        assertEquals(List.of("OPEN", "ACCEPTED"), accepted.getList("history.state"));
        operator().contentType("application/json").body(Map.of("corrections", List.of(Map.of("payeeKind", "PARTY", "payeeId", "p-direct",
                "amountMinor", 1)))).post("/v1/claims/" + claimId + "/accept").then().statusCode(409);
        assertArrayEquals(mayBytes, bytes(directMayId), "accepting changes no issued statement");

        // the operator's one list: claims and the registry's over-claim disputes of issued statements
        JsonPath all = operator().queryParam("period", MAY).get("/v1/claims").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(claimId, second, rejected), all.getList("findAll { it.source == 'claim' }.id"));
        List<Map<String, Object>> disputes = all.getList("findAll { it.source == 'resolution' }");
        assertEquals(1, disputes.size(), all.prettify());
        assertEquals("w-4", disputes.get(0).get("workId"));
        assertEquals("HELD", disputes.get(0).get("state"));
        assertEquals(Long.toString(statutory(disputedMay)), disputes.get(0).get("amount"));
        assertEquals(Map.of("statementId", MAY + "/platform/plat-b", "section", "disputed", "lineNumber", 0), disputes.get(0).get("line"));
        assertEquals(List.of(claimId), operator().queryParam("state", "ACCEPTED").get("/v1/claims").then().extract().jsonPath().getList("id"));
        assertEquals(List.of(claimId, rejected), as(ALPHA).get("/v1/claims").then().extract().jsonPath().getList("id"),
                "a society: the claims it raised, and the accepted one whose correction names it");
        assertEquals(List.of(), as(BETA).get("/v1/claims").then().extract().jsonPath().getList("id"), "nothing of s-alpha's for s-beta");

        // the next close settles the claim: adjustment lines that point to the corrected line, on the payees' and the platform's statements
        operator().post("/v1/periods/" + JUNE + "/close").then().statusCode(200);
        JsonPath direct = new JsonPath(new String(bytes(JUNE + "/party/p-direct"), java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> adj = direct.getMap("adjustments[0]");
        assertEquals(claimId, adj.get("claimId"));
        assertEquals(Map.of("statementId", directMayId, "section", "lines", "lineNumber", 0), adj.get("corrects"));
        assertEquals(MAY, adj.get("correctsPeriod"));
        assertEquals(Long.toString(toDirect), adj.get("amount"));
        assertEquals(Long.toString(statutory(directJune) + toDirect), direct.getString("totals.total"));
        assertEquals(1, direct.getList("adjustments").size());
        assertFalse(direct.getMap("lines[0]").containsKey("claimId"), "a usage line has no pointer");

        JsonPath alpha = new JsonPath(new String(bytes(JUNE + "/society/s-alpha"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), alpha.getList("lines"), "s-alpha had no June usage: its statement is the correction alone");
        assertEquals(Long.toString(toAlpha), alpha.getString("totals.total"));
        assertEquals(claimId, alpha.getString("adjustments[0].claimId"));

        JsonPath platB = new JsonPath(new String(bytes(JUNE + "/platform/plat-b"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Long.toString(statutory(directJune) + toDirect + toAlpha), platB.getString("totals.owed"));
        assertEquals(Long.toString(toDirect), platB.getString("owed.find { it.payee.id == 'p-direct' }.adjustments"));
        assertEquals(Long.toString(toAlpha), platB.getString("owed.find { it.payee.id == 's-alpha' }.total"));

        JsonPath settled = as(PARTY).get("/v1/claims/" + claimId).then().statusCode(200).extract().jsonPath();
        assertEquals(JUNE, settled.getString("settledInPeriod"));
        assertEquals(List.of("OPEN", "ACCEPTED", "ACCEPTED"), settled.getList("history.state"));

        // exactly once: a repeated close issues nothing new and settles nothing again; the corrected statement keeps its bytes
        byte[] juneBytes = bytes(JUNE + "/party/p-direct");
        operator().post("/v1/periods/" + JUNE + "/close").then().statusCode(200);
        assertArrayEquals(juneBytes, bytes(JUNE + "/party/p-direct"));
        assertEquals(1, SettlementApi.count(db, "SELECT count(*) FROM claim_history WHERE claim_id = ? AND note LIKE 'settled%'", claimId));
        assertArrayEquals(mayBytes, bytes(directMayId));
        assertEquals(maySha, sha256(bytes(directMayId)));
        // the close after it has no usage and nothing to settle: no statement at all, the claim is not issued again
        operator().post("/v1/periods/2023-07/close").then().statusCode(200);
        assertEquals(List.of(), operator().queryParam("period", "2023-07").get("/v1/statements").then().statusCode(200).extract().jsonPath()
                .getList("statementId"));

        // the party's own view shows the adjustment with its pointer, and where each of its lines is
        JsonPath view = as(PARTY).queryParam("period", JUNE).get("/v1/parties/p-direct/usage").then().statusCode(200).extract().jsonPath();
        assertEquals(claimId, view.getString("statementLines.find { it.section == 'adjustments' }.claimId"));
        assertEquals(0, view.getInt("statementLines.find { it.section == 'lines' }.lineNumber"));

        // every change is audited with its actor
        assertEquals(List.of("RAISE_CLAIM", "ACCEPT_CLAIM", "SETTLE_CLAIM"), operator().queryParam("subject", "claim/" + claimId)
                .get("/v1/admin-audit").then().statusCode(200).extract().jsonPath().getList("action"));
        assertEquals(List.of("RAISE_CLAIM", "WITHDRAW_CLAIM"), operator().queryParam("subject", "claim/" + second)
                .get("/v1/admin-audit").then().statusCode(200).extract().jsonPath().getList("action"));

        // missing usage: a party names the usage, not a line; an unknown platform is 404
        Map<String, Object> missing = new LinkedHashMap<>(Map.of("type", "MISSING_USAGE", "periodId", MAY, "evidence", "w-9 is in the model card",
                "missingUsage", Map.of("platformId", "plat-b", "workId", "w-9", "usageType", "pre-training", "unitKind", "tokens")));
        JsonPath m = raise(PARTY, missing).statusCode(201).extract().jsonPath();
        assertEquals("p-direct", m.getString("partyId"));
        assertTrue(m.get("line") == null, m.prettify());
        missing.put("missingUsage", Map.of("platformId", "plat-nowhere", "workId", "w-9", "usageType", "pre-training", "unitKind", "tokens"));
        raise(PARTY, missing).statusCode(404).contentType("application/problem+json");
    }
}
