package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.testsupport.RoleAssertions.forbidden;
import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairshare.payout.persistence.PayoutDatabase;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.security.Caller;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in payout, per role and endpoint group: the operator changes, auditors read,
 * nobody else gets in (403 problem+json for other roles, 401 problem+json with a Bearer challenge
 * without a valid key); every change is audited with its actor; operator token rotation.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class PayoutRolesTest {
    static final String AUDITOR = "test-auditor-key";
    static final String PARTY = "party-direct-key";
    static final String NEXT_OPERATOR = "test-next-operator-token";

    @Inject
    PayoutDatabase database;

    @Inject
    AdminAudit audit;

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }



    static Map<String, Object> bank(String holder) {
        return Map.of("holderName", holder, "country", "KR", "accountNumber", "110-123-456789", "bankCode", "088");
    }

    @Test
    void ledgerReadsAreForTheOperatorAndAuditors() {
        operator().get("/v1/ledger/trial-balance").then().statusCode(200);
        as(AUDITOR).get("/v1/ledger/trial-balance").then().statusCode(200);
        as(AUDITOR).get("/v1/reconciliation").then().statusCode(200);
        forbidden(as(PARTY).get("/v1/ledger/trial-balance").then());
        forbidden(as(PARTY).get("/v1/reconciliation").then());
        unauthenticated(given().get("/v1/ledger/trial-balance").then());
        unauthenticated(as("not-a-key").get("/v1/reconciliation").then());
    }

    @Test
    void bankDetailsAreChangedByTheOperatorAloneAndAuditedWithItsActor() {
        String payee = id("p-roles");
        as(NEXT_OPERATOR).contentType("application/json").body(bank("Payee One")).put("/v1/payees/{id}/bank-details", payee).then().statusCode(200);
        operator().contentType("application/json").body(bank("Payee Two")).put("/v1/payees/{id}/bank-details", payee).then().statusCode(200);
        for (String k : List.of(AUDITOR, PARTY)) {
            forbidden(as(k).contentType("application/json").body(bank("X")).put("/v1/payees/{id}/bank-details", payee).then());
            forbidden(as(k).contentType("application/json").body(bank("X")).put("/v1/societies/{id}/bank-details", payee).then());
        }
        unauthenticated(given().contentType("application/json").body(bank("X")).put("/v1/payees/{id}/bank-details", payee).then());
        as(AUDITOR).queryParam("subject", "payee/" + payee).get("/v1/admin-audit").then().statusCode(200)
                .body("action", equalTo(List.of("REGISTER_BANK_DETAILS", "REGISTER_BANK_DETAILS")))
                .body("actorName", equalTo(List.of("operator", "operator")))
                .body("actorRole", equalTo(List.of("operator", "operator")))
                .body("[0].detail", equalTo("holder Payee One, KR, account 110-123-456789"))
                .body("[1].detail", equalTo("holder Payee Two, KR, account 110-123-456789"));
        forbidden(as(PARTY).queryParam("subject", "payee/" + payee).get("/v1/admin-audit").then());
        unauthenticated(given().queryParam("subject", "payee/" + payee).get("/v1/admin-audit").then());
    }

    @Test
    void payoutRunsAreStartedByTheOperatorAndReadByAuditors() {
        String runId = id("R-ROLES");
        for (String k : List.of(AUDITOR, PARTY)) {
            forbidden(as(k).contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", runId).then());
        }
        unauthenticated(given().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", runId).then());
        operator().contentType("application/json").body(Map.of("valueDate", "2026-12-10")).put("/v1/payout-runs/{r}", runId).then().statusCode(201);
        as(AUDITOR).get("/v1/payout-runs/{r}", runId).then().statusCode(200).body("runId", equalTo(runId));
        forbidden(as(PARTY).get("/v1/payout-runs/{r}", runId).then());
        unauthenticated(given().get("/v1/payout-runs/{r}", runId).then());
        as(AUDITOR).queryParam("subject", "payout-run/" + runId).get("/v1/admin-audit").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].action", equalTo("RUN_PAYOUT")).body("[0].actorRole", equalTo("operator"))
                .body("[0].detail", equalTo("value date 2026-12-10"));
    }

    @Test
    void paymentStatusHoldbackReleasesAndReceiptsAreTheOperatorsAlone() {
        for (String k : List.of(AUDITOR, PARTY)) {
            forbidden(as(k).contentType("application/json").body(Map.of("status", "SETTLED")).post("/v1/payments/{e}/status", "E2E-NONE").then());
            forbidden(as(k).contentType("application/json").body(Map.of("amountMinor", 1)).put("/v1/holdback-releases/{r}", "HR-NONE").then());
            forbidden(as(k).header("Idempotency-Key", "k-1").contentType("application/json").body(Map.of("amountMinor", 1))
                    .post("/v1/platforms/{p}/payments", "plat-none").then());
        }
        unauthenticated(given().contentType("application/json").body(Map.of("status", "SETTLED")).post("/v1/payments/{e}/status", "E2E-NONE").then());
        unauthenticated(given().contentType("application/json").body(Map.of("amountMinor", 1)).put("/v1/holdback-releases/{r}", "HR-NONE").then());
        // the operator gets past authorization to the use case: an unknown payment is 404, an incomplete release 400
        operator().contentType("application/json").body(Map.of("status", "SETTLED")).post("/v1/payments/{e}/status", "E2E-NONE")
                .then().statusCode(404).contentType("application/problem+json");
        operator().contentType("application/json").body(Map.of("amountMinor", 1)).put("/v1/holdback-releases/{r}", "HR-NONE")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRefusedOrRolledBackChangeLeavesNoAuditRow() {
        // the audit row is written in the change's transaction: when the change is refused after it, both roll back
        String subject = "payee/" + id("p-rollback");
        assertThrows(IllegalStateException.class, () -> database.write(tx -> {
            tx.audit(new Caller("operator", "operator", "operator"), "REGISTER_BANK_DETAILS", subject, "never stored");
            throw new IllegalStateException("refused after the audit row was written");
        }));
        assertEquals(List.of(), audit.forSubject(subject));
        // a change the use case refuses (an unknown payment, bank details without an account) is not audited
        String payment = id("E2E-REFUSED");
        operator().contentType("application/json").body(Map.of("status", "SETTLED")).post("/v1/payments/{e}/status", payment)
                .then().statusCode(404);
        as(AUDITOR).queryParam("subject", "payment/" + payment).get("/v1/admin-audit").then().statusCode(200)
                .body("size()", equalTo(0));
        String payee = id("p-refused");
        operator().contentType("application/json").body(Map.of("holderName", "Nobody", "country", "KR"))
                .put("/v1/payees/{id}/bank-details", payee).then().statusCode(400);
        as(AUDITOR).queryParam("subject", "payee/" + payee).get("/v1/admin-audit").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void onlyTheListedOperatorTokensWork() {
        as(NEXT_OPERATOR).get("/v1/ledger/trial-balance").then().statusCode(200);
        unauthenticated(as("0b6d38812686bb05e884d5d56f7396225d190f4a827d29362c82743a2182e98a").get("/v1/ledger/trial-balance").then());
        unauthenticated(as("test-operator-token-old").get("/v1/ledger/trial-balance").then());
    }
}
