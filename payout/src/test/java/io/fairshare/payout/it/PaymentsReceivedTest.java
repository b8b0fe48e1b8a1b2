package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.assertBooksSound;
import static io.fairshare.payout.it.PayoutApi.count;
import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.issue;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.payout.it.PayoutApi.payable;
import static io.fairshare.payout.it.PayoutApi.paymentsTo;
import static io.fairshare.payout.it.PayoutApi.publishAndAwait;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.fairshare.service.rest.Problem;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Money received from platforms (idempotency key required), and requests racing each other. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class PaymentsReceivedTest {
    @Inject
    AgroalDataSource db;

    @AfterEach
    void theBooksStaySound() throws Exception {
        assertBooksSound(db);
    }

    static Map<String, Object> body(long amount) {
        return Map.of("currency", "KRW", "amountMinor", amount, "receivedOn", "2026-12-01", "bankReference", "BR-" + amount);
    }

    @Test
    void aPaymentNotifiedTwiceIsReceivedOnce() throws Exception {
        String platform = id("plat-pay");
        publishAndAwait(db, issue("2026-08", platform, Map.of(id("S-PAY"), 50_000L)));

        operator().contentType("application/json").body(body(20_000)).post("/v1/platforms/{p}/payments", platform)
                .then().statusCode(400).contentType("application/problem+json").body("detail", equalTo(
                        "the Idempotency-Key header is required: the same key is the same payment"));
        given().contentType("application/json").header("Idempotency-Key", "k1").body(body(20_000))
                .post("/v1/platforms/{p}/payments", platform).then().statusCode(401);

        String first = operator().contentType("application/json").header("Idempotency-Key", "k1").body(body(20_000))
                .post("/v1/platforms/{p}/payments", platform).then().statusCode(201).extract().asString();
        String again = operator().contentType("application/json").header("Idempotency-Key", "k1").body(body(20_000))
                .post("/v1/platforms/{p}/payments", platform).then().statusCode(200).extract().asString();
        assertEquals(first, again);
        JsonPath receipt = JsonPath.from(first);
        assertEquals("receipt:" + platform + "/k1", receipt.getString("transactionId"));
        assertEquals(List.of(Map.of("account", "RECEIVABLE:" + platform + ":2026-08:KRW", "amountMinor", 20_000)), receipt.getList("allocations"));

        operator().contentType("application/json").header("Idempotency-Key", "k1").body(body(21_000))
                .post("/v1/platforms/{p}/payments", platform).then().statusCode(409).body("type", equalTo(Problem.TYPE_BASE + "idempotency-key-reused"));

        assertEquals(1, count(db, "SELECT count(*) FROM receipt WHERE platform_id = ?", platform));
        assertEquals(1, count(db, "SELECT count(*) FROM ledger_transaction WHERE source_kind = 'RECEIPT' AND source_id = ?", platform + "/k1"));
        assertEquals(30_000, count(db, "SELECT balance FROM account WHERE acc_type = 'RECEIVABLE' AND owner = ?", platform));
    }

    @Test
    void concurrentRequestsNeitherDoublePostNorOverdraw() throws Exception {
        String platform = id("plat-race");
        List<String> payees = List.of(id("S-RACE1"), id("S-RACE2"), id("S-RACE3"));
        publishAndAwait(db, issue("2026-07", platform, Map.of(payees.get(0), 11_000L, payees.get(1), 22_000L, payees.get(2), 33_000L)));
        payees.forEach(PayoutApi::registerBankDetails);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // the same payment notified four times at once: one receipt
            List<Response> receipts = race(pool, 4, i -> operator().contentType("application/json").header("Idempotency-Key", "race")
                    .body(body(66_000)).post("/v1/platforms/{p}/payments", platform));
            assertEquals(List.of(200, 200, 200, 201), receipts.stream().map(Response::statusCode).sorted().toList());
            assertEquals(1, count(db, "SELECT count(*) FROM ledger_transaction WHERE source_kind = 'RECEIPT' AND source_id = ?", platform + "/race"));

            // two different runs at once over the same payables: each payee is paid once in all
            List<String> runIds = List.of(id("R-RACE-A"), id("R-RACE-B"));
            List<Response> runs = race(pool, 2, i -> operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10"))
                    .put("/v1/payout-runs/{r}", runIds.get(i)));
            long paid = 0;
            int payments = 0;
            for (Response r : runs) {
                assertEquals(201, r.statusCode(), r.asString());
                for (Map<String, Object> p : paymentsTo(r.jsonPath(), payees).values()) {
                    paid += ((Number) p.get("amountMinor")).longValue();
                    payments++;
                }
            }
            assertEquals(3, payments);
            assertEquals(66_000, paid);
            for (String payee : payees) {
                assertEquals(0, payable(db, payee));
                assertEquals(1, count(db, "SELECT count(*) FROM payment WHERE payee_id = ?", payee));
            }

            // the bank's FAILED notification delivered three times at once: the payable is restored once
            String failing = (String) runs.stream().map(r -> paymentsTo(r.jsonPath(), payees).get(payees.get(0))).filter(p -> p != null)
                    .findFirst().orElseThrow().get("endToEndId");
            operator().contentType("application/json").body(Map.of("status", "SENT")).post("/v1/payments/{e}/status", failing)
                    .then().statusCode(200);
            List<Response> failed = race(pool, 3, i -> operator().contentType("application/json").body(Map.of("status", "FAILED", "reason", "race"))
                    .post("/v1/payments/{e}/status", failing));
            assertEquals(List.of("DUPLICATE", "DUPLICATE", "POSTED"), failed.stream().map(r -> r.jsonPath().getString("outcome")).sorted().toList());
            assertEquals(11_000, payable(db, payees.get(0)));
            assertEquals(1, count(db, "SELECT count(*) FROM ledger_transaction WHERE tx_id = ?", "payment:" + failing + ":failed"));
        } finally {
            pool.shutdownNow();
        }
    }

    interface Call {
        Response call(int i);
    }

    private static List<Response> race(ExecutorService pool, int n, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Response> task = () -> {
                start.await();
                return call.call(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<Response> out = new ArrayList<>();
        for (Future<Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }
}
