package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.fairshare.settlement.it.SettlementApi.publish;
import static io.fairshare.testsupport.RoleAssertions.forbidden;
import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in settlement, per role and endpoint group: allowed (2xx), forbidden (403
 * problem+json), unauthenticated (401 problem+json with a Bearer challenge); what each role sees of
 * a period's statements; the audit of terms changes; operator token rotation.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class SettlementRolesTest {
    static final String AUDITOR = "test-auditor-key";
    static final String PARTY = "party-direct-key";
    static final String SOCIETY = "society-alpha-key";
    static final String PLATFORM = "platform-a-key";
    static final String NEXT_OPERATOR = "test-next-operator-token";
    /** Every role but the operator. */
    static final List<String> NOT_OPERATOR = List.of(AUDITOR, PARTY, SOCIETY, PLATFORM);
    static final List<String> EVERY_ROLE = List.of(SettlementApi.OPERATOR, AUDITOR, PARTY, SOCIETY, PLATFORM);



    static Map<String, Object> tariff() {
        return Map.of("currency", "KRW", "unitRates", List.of(Map.of("usageType", "pre-training", "unitKind", "tokens", "amount", "1", "per", 1000)));
    }

    static ValidatableResponse putTariff(RequestSpecification as, String id) {
        return as.contentType("application/json").body(tariff()).put("/v1/tariffs/" + id).then();
    }

    @Test
    void termsAreChangedByTheOperatorAloneAndReadByEveryRole() {
        String id = "t-roles-" + UUID.randomUUID().toString().substring(0, 8);
        putTariff(operator(), id).statusCode(201);
        for (String k : NOT_OPERATOR) {
            forbidden(putTariff(as(k), id + "-x"));
            forbidden(as(k).contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then());
        }
        unauthenticated(putTariff(given(), id + "-x"));
        unauthenticated(putTariff(as("not-a-key"), id + "-x"));
        for (String k : EVERY_ROLE) {
            as(k).get("/v1/tariffs/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        unauthenticated(given().get("/v1/tariffs/" + id).then());
    }

    @Test
    void revenueIsDeclaredByTheOperatorOrThePlatformItself() {
        as(PLATFORM).contentType("application/json").body(Map.of("amount", "10")).put("/v1/platforms/plat-a/revenue/2026-12")
                .then().statusCode(200).body("platformId", equalTo("plat-a"));
        operator().contentType("application/json").body(Map.of("amount", "11")).put("/v1/platforms/plat-a/revenue/2026-12")
                .then().statusCode(200);
        forbidden(as(PLATFORM).contentType("application/json").body(Map.of("amount", "1")).put("/v1/platforms/plat-b/revenue/2026-12").then());
        for (String k : List.of(AUDITOR, PARTY, SOCIETY)) {
            forbidden(as(k).contentType("application/json").body(Map.of("amount", "1")).put("/v1/platforms/plat-a/revenue/2026-12").then());
        }
        unauthenticated(given().contentType("application/json").body(Map.of("amount", "1")).put("/v1/platforms/plat-a/revenue/2026-12").then());
        operator().queryParam("subject", "revenue/plat-a/2026-12").get("/v1/admin-audit").then().statusCode(200)
                .body("actorRole", equalTo(List.of("platform", "operator")))
                .body("actorName", equalTo(List.of("plat-a", "operator")))
                .body("detail", equalTo(List.of("10", "11")));
    }

    @Test
    void closingIsForTheOperatorOnly() {
        // the operator's close is CloseFlowTest's; closing a period here would reorder its periods
        for (String k : NOT_OPERATOR) {
            forbidden(as(k).post("/v1/periods/2026-10/close").then());
        }
        unauthenticated(given().post("/v1/periods/2026-10/close").then());
        for (String k : EVERY_ROLE) {
            as(k).get("/v1/periods/2026-10").then().statusCode(200).body("state", equalTo("OPEN"));
        }
        unauthenticated(given().get("/v1/periods/2026-10").then());
    }

    @Test
    void eachRoleSeesOnlyTheStatementsAddressedToItAndAuditorsSeeThemAll() throws Exception {
        operator().contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then().statusCode(200);
        // 10,000 tokens: half to society s-alpha, half to party p-direct paid without a society; s-beta gets nothing
        publish(List.of(event("plat-a", "roles-" + UUID.randomUUID(), "2026-11-10T00:00:00Z", 10_000, "w-roles",
                line("p-1", "s-alpha", 5000, LineStatus.UNLICENSED, null), line("p-direct", null, 5000, LineStatus.UNLICENSED, null))));
        String period = "/v1/periods/2026-11/provisional";
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                operator().get(period).then().statusCode(200).body("statements.statementId",
                        hasItems("2026-11/society/s-alpha", "2026-11/party/p-direct", "2026-11/platform/plat-a")));
        as(AUDITOR).get(period).then().statusCode(200).body("statements.statementId",
                hasItems("2026-11/society/s-alpha", "2026-11/party/p-direct", "2026-11/platform/plat-a"));
        as(SOCIETY).get(period).then().statusCode(200).body("statements.statementId", equalTo(List.of("2026-11/society/s-alpha")));
        as("society-beta-key").get(period).then().statusCode(200).body("statements", empty());
        as(PARTY).get(period).then().statusCode(200).body("statements.statementId", equalTo(List.of("2026-11/party/p-direct")));
        as(PLATFORM).get(period).then().statusCode(200).body("statements.statementId", equalTo(List.of("2026-11/platform/plat-a")));
        unauthenticated(given().get(period).then());
        for (String k : EVERY_ROLE) {
            as(k).queryParam("period", "2026-11").get("/v1/statements").then().statusCode(200).body("$", empty());
            as(k).get("/v1/statements/2026-11/society/s-alpha").then().statusCode(404).contentType("application/problem+json");
        }
        unauthenticated(given().queryParam("period", "2026-11").get("/v1/statements").then());
    }

    @Test
    void termsChangesAreAuditedWithTheirActorAndOnlyTheOperatorAndAuditorsReadTheAudit() {
        String id = "t-audit-" + UUID.randomUUID().toString().substring(0, 8);
        putTariff(as(NEXT_OPERATOR), id).statusCode(201);
        putTariff(operator(), id).statusCode(200);
        as(AUDITOR).queryParam("subject", "tariff/" + id).get("/v1/admin-audit").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].action", equalTo("CREATE_TARIFF"))
                .body("[0].actorName", equalTo("operator")).body("[0].actorRole", equalTo("operator"))
                .body("[0].detail", containsString("\"currency\":\"KRW\""));
        for (String k : List.of(PARTY, SOCIETY, PLATFORM)) {
            forbidden(as(k).queryParam("subject", "tariff/" + id).get("/v1/admin-audit").then());
        }
        unauthenticated(given().queryParam("subject", "tariff/" + id).get("/v1/admin-audit").then());
    }

    @Test
    void bothOperatorTokensOfARotationWorkAndTheHashItselfIsNoToken() {
        putTariff(as(NEXT_OPERATOR), "t-rot-" + UUID.randomUUID().toString().substring(0, 8)).statusCode(201);
        unauthenticated(putTariff(as("0b6d38812686bb05e884d5d56f7396225d190f4a827d29362c82743a2182e98a"), "t-rot-x"));
        unauthenticated(putTariff(as("test-operator-token-old"), "t-rot-y"));
    }
}
