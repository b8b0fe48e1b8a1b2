package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.json;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.recordsOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on the batch request: the first answer is kept and given again; another request under the key is a 409. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class IdempotencyKeyTest {

    private static Response post(IngestApi.Platform p, String key, Object body) {
        var spec = RestAssured.given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", p.bearer()).header("Content-Type", "application/json").body(json(body));
        return (key == null ? spec : spec.header("Idempotency-Key", key)).when().post("/v1/usage-events");
    }

    @Test
    void aRetryUnderTheSameKeyGetsTheFirstAnswerAgainAndPublishesNothing() {
        IngestApi.Platform p = newPlatform("idem");
        List<Map<String, Object>> batch = events("i", 20);
        Response first = post(p, "k-1", batch);
        first.then().statusCode(200).body("accepted", equalTo(20));
        assertNull(first.header("Idempotent-Replayed"));
        Response again = post(p, "k-1", batch);
        again.then().statusCode(200).header("Idempotent-Replayed", "true").body("accepted", equalTo(20)).body("duplicate", equalTo(0));
        assertEquals(first.asString(), again.asString());
        // without the key, the per-event rule answers: they are stored, so duplicates
        post(p, null, batch).then().statusCode(200).body("duplicate", equalTo(20));
        // a new key for the same events: a new request, and the same per-event truth
        post(p, "k-2", batch).then().statusCode(200).body("duplicate", equalTo(20));
        assertEquals(20, recordsOf(p.id()).size());
    }

    @Test
    void anotherRequestUnderAUsedKeyIsAConflictAndKeysArePerPlatform() {
        IngestApi.Platform p = newPlatform("idem-other");
        IngestApi.Platform q = newPlatform("idem-twin");
        post(p, "shared", events("a", 2)).then().statusCode(200).body("accepted", equalTo(2));
        post(p, "shared", events("b", 2)).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-reused"));
        post(q, "shared", events("b", 2)).then().statusCode(200).body("accepted", equalTo(2));
        assertEquals(2, recordsOf(p.id()).size());
    }

    @Test
    void aFailedRequestKeepsNoAnswerAndAnInvalidKeyIsRefused() {
        IngestApi.Platform p = newPlatform("idem-fail");
        post(p, "k-fail", List.of()).then().statusCode(400).body("type", endsWith("empty-batch"));
        post(p, "k-fail", events("f", 3)).then().statusCode(200).body("accepted", equalTo(3));
        post(p, "x".repeat(256), events("g", 1)).then().statusCode(400).body("type", endsWith("idempotency-key-invalid"));
        post(p, "tab\there", events("g", 1)).then().statusCode(400).body("type", endsWith("idempotency-key-invalid"));
        assertEquals(3, recordsOf(p.id()).size());
    }
}
