package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.JSON;
import static io.fairshare.payout.it.PayoutApi.assertBooksSound;
import static io.fairshare.payout.it.PayoutApi.awaitConsumed;
import static io.fairshare.payout.it.PayoutApi.awaitCount;
import static io.fairshare.payout.it.PayoutApi.count;
import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.issue;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.payout.it.PayoutApi.payable;
import static io.fairshare.payout.it.PayoutApi.paymentsTo;
import static io.fairshare.payout.it.PayoutApi.publishAndAwait;
import static io.fairshare.payout.it.PayoutApi.publishRaw;
import static io.fairshare.payout.it.PayoutApi.registerBankDetails;
import static io.fairshare.payout.it.PayoutApi.run;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issued statements from Kafka: booked once however often delivered, parties paid directly, poison recorded and passed. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class StatementConsumptionTest {
    @Inject
    AgroalDataSource db;

    @AfterEach
    void theBooksStaySound() throws Exception {
        assertBooksSound(db);
    }

    @Test
    void aStatementDeliveredTwiceIsPostedOnce() throws Exception {
        String platform = id("plat-dup");
        String society = id("S-DUP");
        List<StatementIssuedV1> statements = issue("2026-09", platform, Map.of(society, 40_000L));
        publishAndAwait(db, statements);
        publishAndAwait(db, statements);
        awaitConsumed();

        assertEquals(1, count(db, "SELECT count(*) FROM ledger_transaction WHERE tx_id = ?", "statement:" + statements.get(0).statementId()));
        assertEquals(40_000, payable(db, society));
        assertEquals(40_000, count(db, "SELECT balance FROM account WHERE acc_type = 'RECEIVABLE' AND owner = ? AND period = '2026-09'", platform));
        JsonPath report = operator().get("/v1/reconciliation?periodId=2026-09").then().statusCode(200).extract().jsonPath();
        assertEquals("2026-09", report.getString("periodId"));
        Map<String, Object> figures = report.<Map<String, Object>>getList("societies").stream()
                .filter(f -> society.equals(f.get("societyId"))).findFirst().orElseThrow();
        Map<String, Object> expected = Map.of("periodId", "2026-09", "currency", "KRW", "issued", 40_000, "issuedHeld", 0, "posted", 40_000,
                "postedHeld", 0, "paid", 0, "released", 0, "carriedForward", 40_000, "heldBack", 0);
        expected.forEach((figure, value) -> assertEquals(value, figures.get(figure), figure));
        Map<String, Object> platformFigures = report.<Map<String, Object>>getList("platforms").stream()
                .filter(f -> platform.equals(f.get("platformId"))).findFirst().orElseThrow();
        assertEquals(40_000, ((Number) platformFigures.get("issued")).longValue());
        assertEquals(40_000, ((Number) platformFigures.get("outstanding")).longValue());
        operator().get("/q/metrics").then().statusCode(200)
                .body(containsString("fairshare_payout_statements_total{outcome=\"duplicate\"}"))
                .body(containsString("fairshare_payout_statements_total{outcome=\"posted\"}"))
                .body(containsString("fairshare_payout_reconciliation_alarms"));
    }

    @Test
    void aPartyPaidDirectlyIsPaidLikeASociety() throws Exception {
        String platform = id("plat-party");
        String party = "P-" + id("7");
        publishAndAwait(db, issue("2026-09", platform, Map.of(party, 25_000L)));
        assertEquals(25_000, payable(db, party));
        registerBankDetails(party);

        JsonPath run = run(id("R-PARTY"), "2026-12-10", 201);
        Map<String, Object> payment = paymentsTo(run, List.of(party)).get(party);
        assertEquals(25_000, ((Number) payment.get("amountMinor")).longValue());
        assertEquals("PLANNED", payment.get("status"));
        assertEquals("KRW", payment.get("currency"));
        assertEquals(0, payable(db, party));
    }

    @Test
    void aPoisonMessageIsRecordedWithItsReasonAndTheStreamGoesOn() throws Exception {
        String platform = id("plat-poison");
        String society = id("S-POISON");
        List<StatementIssuedV1> good = issue("2026-09", platform, Map.of(society, 15_000L));
        StatementIssuedV1 p = good.get(0);
        StatementIssuedV1 badPeriod = new StatementIssuedV1(id("bad-period"), p.kind(), "September", null, null, platform, "KRW", 15_000L,
                p.sha256(), List.of(), p.amounts(), p.issuedAt());
        String key = id("poison");
        // one key: one partition, so the good statements come after the poison
        publishRaw(List.of(key, key, key, key), List.of("{not json", JSON.writeValueAsString(badPeriod), JSON.writeValueAsString(good.get(0)),
                JSON.writeValueAsString(good.get(1))));

        awaitCount(db, 2, "SELECT count(*) FROM statement WHERE statement_id IN (?, ?)", good.get(0).statementId(), good.get(1).statementId());
        assertEquals(15_000, payable(db, society));
        assertEquals(1, count(db, "SELECT count(*) FROM statement_dead_letter WHERE message_key = ? AND reason_code = 'MALFORMED_MESSAGE'"
                + " AND statement_id IS NULL AND payload = '{not json'", key));
        assertEquals(1, count(db, "SELECT count(*) FROM statement_dead_letter WHERE message_key = ? AND reason_code = 'INVALID_STATEMENT'"
                + " AND statement_id = ? AND reason LIKE 'periodId must look like 2026-11%'", key, badPeriod.statementId()));
        assertEquals(0, count(db, "SELECT count(*) FROM statement WHERE statement_id = ?", badPeriod.statementId()));
    }
}
