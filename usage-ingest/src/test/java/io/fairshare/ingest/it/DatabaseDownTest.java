package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.OPERATOR;
import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.restassured.RestAssured.given;
import static io.fairshare.testsupport.OutageAssertions.assertUnavailable;
import static org.hamcrest.Matchers.equalTo;

import io.fairshare.contracts.Topics;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** PostgreSQL really stopped: every DB-backed answer is 503 unavailable with Retry-After, and the service recovers. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class DatabaseDownTest {

    @Test
    void withPostgresqlDownIngestAndAdministrationAre503AndBothWorkAgainOnceItIsBack() {
        // As the stack does: the topic exists before the first publish (when this class runs first).
        TestServers.createTopic(Topics.USAGE_ACCEPTED, 4);
        IngestApi.Platform p = newPlatform("dbdown");
        post(p, events("before", 3)).then().statusCode(200).body("accepted", equalTo(3));
        List<Map<String, Object>> batch = events("during", 4);
        String newPlatformId = "dbdown-admin-" + UUID.randomUUID().toString().substring(0, 8);

        TestServers.withPostgresStopped(() -> {
            // The idempotency store (plain JDBC) and the platform store (Hibernate) are both out of reach.
            assertUnavailable(post(p, batch).then(), "PostgreSQL");
            assertUnavailable(createPlatform(newPlatformId).then(), "PostgreSQL");
        });

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                post(p, batch).then().statusCode(200).body("accepted", equalTo(4)));
        post(p, batch).then().statusCode(200).body("duplicate", equalTo(4));
        createPlatform(newPlatformId).then().statusCode(201);
    }

    private static io.restassured.response.Response createPlatform(String id) {
        return given().header("Authorization", OPERATOR).contentType("application/json")
                .body(Map.of("id", id, "name", "Platform " + id)).post("/v1/admin/platforms");
    }
}
