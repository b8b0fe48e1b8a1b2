package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.OPERATOR;
import static io.fairshare.ingest.it.IngestApi.event;
import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.fairshare.testsupport.RoleAssertions.forbidden;
import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in usage-ingest, per role and endpoint group: allowed (2xx), forbidden (403
 * problem+json) and unauthenticated (401 problem+json with a Bearer challenge). Plus the key
 * lifecycle (expiry, revocation, rotation) and operator token rotation (test config lists the
 * current token and the next one, the latter by its SHA-256).
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class IngestRolesTest {
    static final String AUDITOR = "Bearer test-auditor-key";
    static final String NEXT_OPERATOR = "Bearer test-next-operator-token";



    private static ValidatableResponse createPlatform(String authorization, String id) {
        var r = given().contentType("application/json").body(Map.of("id", id, "name", "Roles " + id));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return r.post("/v1/admin/platforms").then();
    }

    private static ValidatableResponse listPlatforms(String authorization) {
        var r = given();
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return r.get("/v1/admin/platforms").then();
    }

    private static String newId() {
        return "roles-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void usageReportingIsForPlatformsOnly() {
        IngestApi.Platform p = newPlatform("roles-report");
        byte[] body = IngestApi.json(List.of(event("roles-1")));
        post(p, List.of(event("roles-1"))).then().statusCode(200).body("platformId", equalTo(p.id())).body("accepted", equalTo(1));
        forbidden(post(OPERATOR, "application/json", body).then());
        forbidden(post(AUDITOR, "application/json", body).then());
        unauthenticated(post("", "application/json", body).then());
        unauthenticated(post("Bearer not-a-key", "application/json", body).then());
    }

    @Test
    void platformAdministrationIsForTheOperatorAndReadingItForAuditorsToo() {
        IngestApi.Platform p = newPlatform("roles-admin");
        createPlatform(OPERATOR, newId()).statusCode(201);
        forbidden(createPlatform(AUDITOR, newId()));
        forbidden(createPlatform(p.bearer(), newId()));
        unauthenticated(createPlatform(null, newId()));

        listPlatforms(OPERATOR).statusCode(200).body("id", hasItem(p.id()));
        listPlatforms(AUDITOR).statusCode(200).body("id", hasItem(p.id()));
        forbidden(listPlatforms(p.bearer()));
        unauthenticated(listPlatforms(null));

        given().header("Authorization", AUDITOR).get("/v1/admin/platforms/" + p.id() + "/keys").then().statusCode(200).body("size()", equalTo(1));
        forbidden(given().header("Authorization", AUDITOR).post("/v1/admin/platforms/" + p.id() + "/keys").then());
        forbidden(given().header("Authorization", AUDITOR).delete("/v1/admin/platforms/" + p.id() + "/keys/" + p.token().substring(4, 20)).then());
        forbidden(given().header("Authorization", p.bearer()).post("/v1/admin/platforms/" + p.id() + "/keys").then());
        unauthenticated(given().post("/v1/admin/platforms/" + p.id() + "/keys").then());
    }

    @Test
    void everyAdministrativeChangeIsAuditedWithItsActor() {
        IngestApi.Platform p = newPlatform("roles-audit");
        String keyId = p.token().substring(4, 20);
        given().header("Authorization", NEXT_OPERATOR).delete("/v1/admin/platforms/" + p.id() + "/keys/" + keyId).then().statusCode(200);
        given().header("Authorization", AUDITOR).get("/v1/admin/platforms/" + p.id() + "/audit").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("action", equalTo(List.of("CREATE_PLATFORM", "ISSUE_KEY", "REVOKE_KEY")))
                .body("actorName", equalTo(List.of("operator", "operator", "operator")))
                .body("actorRole", equalTo(List.of("operator", "operator", "operator")))
                .body("[1].detail", equalTo("key " + keyId + " issued"));
        IngestApi.Platform other = newPlatform("roles-audit-other");
        forbidden(given().header("Authorization", other.bearer()).get("/v1/admin/platforms/" + p.id() + "/audit").then());
    }

    @Test
    void bothTheCurrentAndTheNextOperatorTokenWorkDuringARotationAndNothingElseDoes() {
        createPlatform(OPERATOR, newId()).statusCode(201);
        createPlatform(NEXT_OPERATOR, newId()).statusCode(201);
        unauthenticated(createPlatform("Bearer test-operator-token-x", newId()));
        // the configured hash is not itself a token
        unauthenticated(createPlatform("Bearer 0b6d38812686bb05e884d5d56f7396225d190f4a827d29362c82743a2182e98a", newId()));
    }

    @Test
    void aKeyRotatedWithoutGraceExpiresAtOnce() {
        IngestApi.Platform p = newPlatform("roles-expiry");
        String keyId = p.token().substring(4, 20);
        post(p, events("exp-before", 1)).then().statusCode(200).body("accepted", equalTo(1));
        String next = given().header("Authorization", OPERATOR)
                .post("/v1/admin/platforms/" + p.id() + "/keys/" + keyId + "/rotate?graceSeconds=0")
                .then().statusCode(201).extract().path("token");
        given().header("Authorization", OPERATOR).get("/v1/admin/platforms/" + p.id() + "/keys").then().statusCode(200)
                .body("[0].status", equalTo("expired")).body("[1].status", equalTo("active"));
        // this instance evicted the key at once; the cache TTL (1 s in tests) bounds every other instance
        unauthenticated(post(p, events("exp-after", 1)).then());
        post("Bearer " + next, "application/json", IngestApi.json(events("exp-next", 1))).then().statusCode(200).body("accepted", equalTo(1));
        // a rotated-away key cannot be rotated again
        given().header("Authorization", OPERATOR).post("/v1/admin/platforms/" + p.id() + "/keys/" + keyId + "/rotate")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRevokedKeyIsRefusedAndAWrongSecretForAKnownKeyIdToo() {
        IngestApi.Platform p = newPlatform("roles-revoke");
        String keyId = p.token().substring(4, 20);
        String wrongSecret = "Bearer fsk_" + keyId + "_" + "B".repeat(43);
        unauthenticated(post(wrongSecret, "application/json", IngestApi.json(events("rev-wrong", 1))).then());
        post(p, events("rev-before", 1)).then().statusCode(200).body("accepted", equalTo(1));
        given().header("Authorization", OPERATOR).delete("/v1/admin/platforms/" + p.id() + "/keys/" + keyId).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> unauthenticated(post(p, events("rev-after", 1)).then()));
    }
}
