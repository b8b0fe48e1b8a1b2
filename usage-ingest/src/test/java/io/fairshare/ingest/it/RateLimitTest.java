package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.OPERATOR;
import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.issueKey;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Platform "throttled" has a quota of 10 events/s with a 10,000-event bucket (application.properties, %test). */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class RateLimitTest {

    @Test
    void aPlatformOverItsQuotaIsToldWhenToRetryAndOthersAreUnaffected() {
        given().header("Authorization", OPERATOR).contentType("application/json").body(Map.of("id", "throttled", "name", "Throttled"))
                .post("/v1/admin/platforms");
        IngestApi.Platform p = new IngestApi.Platform("throttled", issueKey("throttled"));
        post(p, events("q-" + System.nanoTime(), 10_000)).then().statusCode(200).body("accepted", equalTo(10_000));
        // The bucket is (nearly) empty: 500 events need up to 50 s of refill at 10/s, less the
        // tokens that flowed in while the first request was served.
        post(p, events("q2-" + System.nanoTime(), 500)).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-4][0-9]|50"))
                .body("type", equalTo("https://fairshare.io/problems/rate-limited"));
        IngestApi.Platform other = IngestApi.newPlatform("unthrottled");
        post(other, events("u", 500)).then().statusCode(200).body("accepted", equalTo(500));
    }
}
