package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.assertBooksSound;
import static io.fairshare.payout.it.PayoutApi.count;
import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.issue;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.payout.it.PayoutApi.payable;
import static io.fairshare.payout.it.PayoutApi.paymentsTo;
import static io.fairshare.payout.it.PayoutApi.publishAndAwait;
import static io.fairshare.payout.it.PayoutApi.registerBankDetails;
import static io.fairshare.payout.it.PayoutApi.run;
import static io.fairshare.payout.it.PayoutApi.schema;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Payout runs: thresholds and carry-forward, retry after a crash, the pain.001 file, failed and returned payments. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class PayoutRunTest {
    static final String NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    @Inject
    AgroalDataSource db;

    @AfterEach
    void theBooksStaySound() throws Exception {
        assertBooksSound(db);
    }

    static long amount(Map<String, Object> payment) {
        return ((Number) payment.get("amountMinor")).longValue();
    }

    @Test
    void aRunRetriedAfterACrashBeforeItsFileWasWrittenPaysEachPayeeOnce() throws Exception {
        String platform = id("plat-crash");
        String a = id("S-CRA");
        String b = id("S-CRB");
        publishAndAwait(db, issue("2026-10", platform, Map.of(a, 30_000L, b, 45_000L)));
        registerBankDetails(a);
        registerBankDetails(b);
        String runId = id("R-CRASH");

        // the file cannot be written: a non-empty directory stands where it goes. The run commits, the write fails.
        Path blocker = Paths.get("target/payout-files").resolve(runId + ".xml");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("in-the-way"), "x");
        operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", runId)
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        assertEquals(0, payable(db, a));
        assertEquals(0, payable(db, b));
        Files.delete(blocker.resolve("in-the-way"));
        Files.delete(blocker);

        String retried = operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", runId)
                .then().statusCode(200).extract().asString();
        String again = operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", runId)
                .then().statusCode(200).extract().asString();
        String read = operator().get("/v1/payout-runs/{r}", runId).then().statusCode(200).extract().asString();
        assertEquals(retried, again);
        assertEquals(retried, read);

        JsonPath run = JsonPath.from(retried);
        Map<String, Map<String, Object>> paid = paymentsTo(run, List.of(a, b));
        assertEquals(30_000, amount(paid.get(a)));
        assertEquals(45_000, amount(paid.get(b)));
        for (String payee : List.of(a, b)) {
            assertEquals(1, count(db, "SELECT count(*) FROM payment WHERE payee_id = ?", payee));
            assertEquals(1, count(db, "SELECT count(*) FROM ledger_transaction t JOIN payment m ON t.tx_id = 'payout:' || m.end_to_end_id"
                    + " WHERE m.payee_id = ?", payee));
        }
        String xml = operator().get("/v1/payout-runs/{r}/pain001", runId).then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asString();
        assertEquals("/v1/payout-runs/" + runId + "/pain001", run.getString("pain001"));
        assertEquals(Paths.get("target/payout-files", runId + ".xml").toAbsolutePath().normalize().toString(), run.getString("file"));
        assertEquals(xml, Files.readString(Path.of(run.getString("file"))));

        // the same run id for another value date is another run: refused
        operator().contentType("application/json").body(Map.of("valueDate", "2026-12-11")).put("/v1/payout-runs/{r}", runId)
                .then().statusCode(409).body("type", containsString("run-id-conflict"));
    }

    @Test
    void balancesBelowTheThresholdCarryForwardUntilTheyReachIt() throws Exception {
        String platform = id("plat-thr");
        String a = id("S-THR");
        String small = "T-SMALL"; // own threshold 500 (test configuration); the KRW default is 10000
        registerBankDetails(a);
        registerBankDetails(small);

        publishAndAwait(db, issue("2026-01", platform, Map.of(a, 6_000L, small, 600L)));
        JsonPath first = run(id("R-THR1"), "2026-02-10", 201);
        assertEquals(Map.of(), paymentsTo(first, List.of(a)));
        assertEquals(600, amount(paymentsTo(first, List.of(small)).get(small)));
        assertTrue(first.getList("carriedForward").contains(Map.of("payeeId", a, "currency", "KRW", "amountMinor", 6_000,
                "reason", "BELOW_THRESHOLD", "thresholdMinor", 10_000)), first.prettify());

        publishAndAwait(db, issue("2026-02", platform, Map.of(a, 3_000L)));
        JsonPath second = run(id("R-THR2"), "2026-03-10", 201);
        assertEquals(Map.of(), paymentsTo(second, List.of(a)));
        assertTrue(second.getList("carriedForward").contains(Map.of("payeeId", a, "currency", "KRW", "amountMinor", 9_000,
                "reason", "BELOW_THRESHOLD", "thresholdMinor", 10_000)), second.prettify());
        assertEquals(9_000, payable(db, a));

        publishAndAwait(db, issue("2026-03", platform, Map.of(a, 1_000L)));
        JsonPath third = run(id("R-THR3"), "2026-04-10", 201);
        Map<String, Object> payment = paymentsTo(third, List.of(a)).get(a);
        assertEquals(10_000, amount(payment));
        assertEquals(0, payable(db, a));
        // one payment, three periods, oldest first
        assertEquals(List.of("2026-01:6000", "2026-02:3000", "2026-03:1000"), allocations((String) payment.get("endToEndId")));
    }

    private List<String> allocations(String endToEndId) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement(
                "SELECT a->>'periodId', a->>'amount' FROM payment, jsonb_array_elements(body->'allocations') a WHERE end_to_end_id = ?")) {
            ps.setString(1, endToEndId);
            try (var rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getString(2));
                }
                return out;
            }
        }
    }

    @Test
    void thePain001FileIsValidAndItsControlSumIsTheLedgersTotal() throws Exception {
        String platform = id("plat-pain");
        String x = id("S-PAINX");
        String y = id("S-PAINY");
        publishAndAwait(db, issue("2026-11", platform, Map.of(x, 123_456L, y, 78_900L)));
        registerBankDetails(x);
        operator().contentType("application/json")
                .body(Map.of("holderName", "Society Y", "country", "DE", "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX"))
                .put("/v1/societies/{id}/bank-details", y).then().statusCode(200)
                .body("iban", equalTo("DE89370400440532013000")).body("bic", equalTo("COBADEFFXXX"));
        String runId = id("R-PAIN");
        JsonPath run = operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10", "createdAt", "2026-12-09T08:00:00Z"))
                .put("/v1/payout-runs/{r}", runId).then().statusCode(201).extract().jsonPath();
        assertEquals(2, paymentsTo(run, List.of(x, y)).size());

        String xml = operator().get("/v1/payout-runs/{r}/pain001", runId).then().statusCode(200).extract().asString();
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        var xpath = XPathFactory.newInstance().newXPath();
        long nbOfTxs = Long.parseLong(xpath.evaluate("//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']", doc));
        BigDecimal ctrlSum = new BigDecimal(xpath.evaluate("//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']", doc));
        assertEquals("2026-12-09T08:00:00", xpath.evaluate("//*[local-name()='GrpHdr']/*[local-name()='CreDtTm']", doc).substring(0, 19));

        long ledgerTotal = count(db, "SELECT coalesce(sum(p.amount), 0) FROM posting p JOIN payment m ON p.tx_id = 'payout:' || m.end_to_end_id"
                + " WHERE m.run_id = ? AND p.acc_type = 'IN_TRANSIT' AND p.side = 'C'", runId);
        long ledgerCount = count(db, "SELECT count(*) FROM ledger_transaction t JOIN payment m ON t.tx_id = 'payout:' || m.end_to_end_id"
                + " WHERE m.run_id = ?", runId);
        assertEquals(ledgerCount, nbOfTxs);
        assertEquals(ledgerCount, run.getLong("numberOfTransactions"));
        assertEquals(0, BigDecimal.valueOf(ledgerTotal).compareTo(ctrlSum), "CtrlSum " + ctrlSum + " vs ledger " + ledgerTotal);
        assertEquals(ledgerTotal, run.getLong("controlSum.KRW"));
        assertTrue(ledgerTotal >= 123_456 + 78_900);

        Path xsd = schema();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void aFailedOrReturnedPaymentGoesBackToThePayableAndALaterRunPaysIt() throws Exception {
        String platform = id("plat-fail");
        String f = id("S-FAIL");
        String r = id("S-RET");
        publishAndAwait(db, issue("2026-10", platform, Map.of(f, 20_000L, r, 30_000L)));
        registerBankDetails(f);
        registerBankDetails(r);
        String firstRun = id("R-FAIL1");
        Map<String, Map<String, Object>> first = paymentsTo(run(firstRun, "2026-11-10", 201), List.of(f, r));
        String failing = (String) first.get(f).get("endToEndId");
        String returning = (String) first.get(r).get("endToEndId");

        status(failing, "FAILED", 409).body("type", containsString("illegal-status-transition"));
        status(failing, "SENT", 200).body("outcome", equalTo("RECORDED"));
        status(failing, "FAILED", 200).body("status", equalTo("FAILED")).body("payeeId", equalTo(f)).body("outcome", equalTo("POSTED"));
        status(returning, "SENT", 200);
        status(returning, "SETTLED", 200);
        status(returning, "RETURNED", 200).body("outcome", equalTo("POSTED"));
        status(returning, "RETURNED", 200).body("outcome", equalTo("DUPLICATE"));
        status("FS00000000000000000000000000000000", "SENT", 404);
        assertEquals(20_000, payable(db, f));
        assertEquals(30_000, payable(db, r));
        assertEquals(1, count(db, "SELECT count(*) FROM payment_status_event WHERE end_to_end_id = ? AND status = 'FAILED' AND reason = 'account closed'",
                failing));

        JsonPath firstAgain = operator().get("/v1/payout-runs/{r}", firstRun).then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", paymentsTo(firstAgain, List.of(f)).get(f).get("status"));
        assertEquals("RETURNED", paymentsTo(firstAgain, List.of(r)).get(r).get("status"));

        Map<String, Map<String, Object>> second = paymentsTo(run(id("R-FAIL2"), "2026-11-20", 201), List.of(f, r));
        assertEquals(20_000, amount(second.get(f)));
        assertEquals(30_000, amount(second.get(r)));
        assertNotEquals(failing, second.get(f).get("endToEndId"));
        assertNotEquals(returning, second.get(r).get("endToEndId"));
        assertEquals(0, payable(db, f));
        assertEquals(0, payable(db, r));
        operator().get("/q/metrics").then().body(containsString("fairshare_payout_payments_total{status=\"FAILED\"}"))
                .body(containsString("fairshare_payout_runs_total"));
    }

    @Test
    void everyCallNeedsTheOperatorTokenAndTheApiIsDescribed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/payout-runs/{runId}/pain001"))
                .body(containsString("/v1/platforms/{platformId}/payments"));
        given().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", id("R-NOAUTH"))
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").get("/v1/ledger/trial-balance").then().statusCode(401);
        operator().get("/v1/payout-runs/{r}", id("R-NONE")).then().statusCode(404).contentType("application/problem+json");
        operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", "not_valid!")
                .then().statusCode(400).body("type", containsString("invalid-run-request"));
    }

    private static io.restassured.response.ValidatableResponse status(String endToEndId, String status, int expected) {
        return operator().contentType("application/json").body(Map.of("status", status, "reason", status.equals("FAILED") ? "account closed" : "bank"))
                .post("/v1/payments/{e}/status", endToEndId).then().statusCode(expected);
    }
}
