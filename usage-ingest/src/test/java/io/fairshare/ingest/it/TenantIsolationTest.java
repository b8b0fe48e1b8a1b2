package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.OPERATOR;
import static io.fairshare.ingest.it.IngestApi.event;
import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.fairshare.ingest.it.IngestApi.recordsOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class TenantIsolationTest {

    @Test
    void aPlatformsKeyCanNeverMakeEventsAppearAsAnotherPlatforms() throws Exception {
        IngestApi.Platform a = newPlatform("tenant-a");
        IngestApi.Platform b = newPlatform("tenant-b");
        Map<String, Object> claimsB = event("t-1");
        claimsB.put("platformId", b.id());
        post(a, List.of(claimsB, event("t-2"))).then().statusCode(200)
                .body("platformId", equalTo(a.id()))
                .body("results[0].errors[0].code", equalTo("PLATFORM_ID_MISMATCH"))
                .body("results[1].status", equalTo("accepted"));
        List<ConsumerRecord<String, String>> ofA = recordsOf(a.id());
        assertEquals(1, ofA.size());
        assertEquals(a.id(), IngestApi.JSON.readTree(ofA.get(0).value()).get("platformId").asText());
        assertTrue(recordsOf(b.id()).isEmpty());
    }

    @Test
    void aRevokedKeyStopsWorkingAndARotatedKeyOverlapsWithItsSuccessor() {
        IngestApi.Platform p = newPlatform("keys");
        String keyId = p.token().substring(4, 20);
        String rotated = given().header("Authorization", OPERATOR)
                .post("/v1/admin/platforms/" + p.id() + "/keys/" + keyId + "/rotate?graceSeconds=3600")
                .then().statusCode(201).extract().path("token");
        post(p, events("k-old", 1)).then().statusCode(200).body("accepted", equalTo(1));
        post("Bearer " + rotated, "application/json", IngestApi.json(events("k-new", 1))).then().statusCode(200).body("accepted", equalTo(1));
        given().header("Authorization", OPERATOR).get("/v1/admin/platforms/" + p.id() + "/keys").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].status", equalTo("expiring")).body("[1].status", equalTo("active"));

        given().header("Authorization", OPERATOR).delete("/v1/admin/platforms/" + p.id() + "/keys/" + keyId)
                .then().statusCode(200).body("status", equalTo("revoked"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                post(p, events("k-late", 1)).then().statusCode(401));
        post("Bearer " + rotated, "application/json", IngestApi.json(events("k-new2", 1))).then().statusCode(200);
    }

    @Test
    void theOperatorApiTakesOnlyTheOperatorToken() {
        IngestApi.Platform p = newPlatform("not-operator");
        given().header("Authorization", p.bearer()).get("/v1/admin/platforms").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/v1/admin/platforms").then().statusCode(401);
        given().header("Authorization", OPERATOR).contentType("application/json").body(Map.of("id", p.id(), "name", "again"))
                .post("/v1/admin/platforms").then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", OPERATOR).contentType("application/json").body(Map.of("id", "Bad Id!", "name", "x"))
                .post("/v1/admin/platforms").then().statusCode(400);
        given().header("Authorization", OPERATOR).post("/v1/admin/platforms/no-such-platform/keys").then().statusCode(404);
    }
}
