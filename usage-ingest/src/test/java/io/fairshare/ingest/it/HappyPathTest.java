package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.cloudEvent;
import static io.fairshare.ingest.it.IngestApi.event;
import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.header;
import static io.fairshare.ingest.it.IngestApi.json;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.fairshare.ingest.it.IngestApi.recordsOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class HappyPathTest {

    @Test
    void aBatchLandsOnTheTopicOnceEachWithThePlatformFromTheCredentials() throws Exception {
        IngestApi.Platform p = newPlatform("happy");
        List<Map<String, Object>> batch = events("h", 300);
        post(p, batch).then().statusCode(200)
                .body("platformId", equalTo(p.id()))
                .body("received", equalTo(300)).body("accepted", equalTo(300))
                .body("duplicate", equalTo(0)).body("rejected", equalTo(0))
                .body("results[299].eventId", equalTo("h-299")).body("results[299].status", equalTo("accepted"));

        List<ConsumerRecord<String, String>> records = recordsOf(p.id());
        assertEquals(300, records.size());
        Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.range(0, 300).mapToObj(i -> p.id() + "/h-" + i).collect(Collectors.toCollection(TreeSet::new)), keys);
        ConsumerRecord<String, String> r = records.stream().filter(x -> x.key().equals(p.id() + "/h-7")).findFirst().orElseThrow();
        JsonNode v = IngestApi.JSON.readTree(r.value());
        assertEquals(p.id(), v.get("platformId").asText());
        assertEquals("h-7", v.get("eventId").asText());
        assertEquals("9780306406157", v.at("/work/identifiers/0/value").asText());
        assertEquals("isbn", v.at("/work/identifiers/0/scheme").asText());
        assertEquals("pre-training", v.get("usageType").asText());
        assertEquals(1500, v.get("units").asLong());
        assertEquals("1.0", header(r, "ce_specversion"));
        assertEquals("h-7", header(r, "ce_id"));
        assertEquals("/platforms/" + p.id(), header(r, "ce_source"));
        assertEquals("io.fairshare.usage.accepted.v1", header(r, "ce_type"));
        // one key, one partition: every copy of an event would land where the first did
        Map<String, Set<Integer>> partitionsByKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
        partitionsByKey.values().forEach(s -> assertEquals(1, s.size()));
    }

    @Test
    void cloudEventsAreAcceptedInABatchAndOneByOne() {
        IngestApi.Platform p = newPlatform("ce");
        post(p.bearer(), "application/cloudevents-batch+json", json(List.of(cloudEvent("c-1"), cloudEvent("c-2"))))
                .then().statusCode(200).body("accepted", equalTo(2));
        post(p.bearer(), "application/cloudevents+json; charset=utf-8", json(cloudEvent("c-3")))
                .then().statusCode(200).body("accepted", equalTo(1)).body("results[0].eventId", equalTo("c-3"));
        assertEquals(Set.of(p.id() + "/c-1", p.id() + "/c-2", p.id() + "/c-3"),
                recordsOf(p.id()).stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    @Test
    void validEventsOfAMixedBatchAreStoredAndTheOthersAnsweredWithReasons() {
        IngestApi.Platform p = newPlatform("mixed");
        Map<String, Object> badIswc = event("m-2");
        badIswc.put("work", new HashMap<>(Map.of("identifiers", List.of(Map.of("scheme", "iswc", "value", "T-034.524.680-2")))));
        Map<String, Object> noUnits = event("m-3");
        noUnits.remove("units");
        Response r = post(p, List.of(event("m-1"), badIswc, noUnits, event("m-4")));
        r.then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].errors[0].field", equalTo("work.identifiers[0].value"))
                .body("results[1].errors[0].code", equalTo("ISWC_CHECK_DIGIT"))
                .body("results[2].errors[0].field", equalTo("units"))
                .body("results[2].errors[0].code", equalTo("FIELD_REQUIRED"));
        assertEquals(Set.of(p.id() + "/m-1", p.id() + "/m-4"),
                recordsOf(p.id()).stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    @Test
    void operatorsSeeHealthMetricsAndTheApiDocument() {
        IngestApi.Platform p = newPlatform("ops");
        post(p, List.of(event("o-1"))).then().statusCode(200);
        Map<String, Object> bad = event("o-2");
        bad.put("territory", "ZZ");
        post(p, List.of(bad)).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString(
                "fairshare_ingest_events_total{outcome=\"accepted\",platform=\"" + p.id() + "\"} 1.0"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString(
                "fairshare_ingest_rejections_total{code=\"TERRITORY_UNKNOWN\",platform=\"" + p.id() + "\"} 1.0"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("fairshare_ingest_batch_duration_seconds_bucket"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/usage-events"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("SwaggerUIBundle"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
