package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.fairshare.ingest.it.IngestApi.recordsOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class DuplicatesTest {

    @Test
    void aResubmittedBatchIsAnsweredDuplicateAndNotPublishedAgain() {
        IngestApi.Platform p = newPlatform("dup");
        List<Map<String, Object>> batch = events("d", 50);
        post(p, batch).then().statusCode(200).body("accepted", equalTo(50));
        post(p, batch).then().statusCode(200).body("accepted", equalTo(0)).body("duplicate", equalTo(50))
                .body("results[0].status", equalTo("duplicate"));
        List<Map<String, Object>> overlapping = new ArrayList<>(batch.subList(40, 50));
        overlapping.addAll(events("d-new", 5));
        post(p, overlapping).then().statusCode(200).body("accepted", equalTo(5)).body("duplicate", equalTo(10));
        assertEquals(55, recordsOf(p.id()).size());
    }

    @Test
    void theSameIdWithOtherContentIsAConflictNamingTheFieldsAndTheFirstEventStands() throws Exception {
        IngestApi.Platform p = newPlatform("conflict");
        List<Map<String, Object>> batch = events("c", 3);
        post(p, batch).then().statusCode(200).body("accepted", equalTo(3));
        List<Map<String, Object>> again = new ArrayList<>();
        for (Map<String, Object> e : batch) {
            again.add(new java.util.LinkedHashMap<>(e));
        }
        again.get(1).put("units", 1501);
        again.get(1).put("modelVersion", "2.2");
        again.get(2).put("usedAt", java.time.Instant.parse((String) batch.get(2).get("usedAt")).atOffset(java.time.ZoneOffset.ofHours(9)).toString());
        JsonPath j = post(p, again).then().statusCode(200).body("accepted", equalTo(0)).body("duplicate", equalTo(2))
                .body("conflict", equalTo(1)).extract().jsonPath();
        assertEquals("duplicate", j.getString("results[0].status"));
        assertEquals("conflict", j.getString("results[1].status"));
        // the same instant in another offset is the same event
        assertEquals("duplicate", j.getString("results[2].status"));
        assertEquals(List.of("modelVersion", "units"), j.getList("results[1].errors.field"));
        assertEquals(List.of("EVENT_ID_REUSED", "EVENT_ID_REUSED"), j.getList("results[1].errors.code"));
        List<ConsumerRecord<String, String>> records = recordsOf(p.id());
        assertEquals(3, records.size());
        String stored = records.stream().filter(r -> r.key().equals(p.id() + "/c-1")).findFirst().orElseThrow().value();
        assertEquals(1500, IngestApi.JSON.readTree(stored).path("units").asLong(), stored);
    }

    @Test
    void aBinaryModeCloudEventIsTheSameEventAsItsStructuredForm() throws Exception {
        IngestApi.Platform p = newPlatform("binary");
        Map<String, Object> ce = IngestApi.cloudEvent("bin-1");
        binary(p, ce, Map.of()).then().statusCode(200).body("accepted", equalTo(1));
        IngestApi.post(p.bearer(), "application/cloudevents+json", IngestApi.json(ce)).then().statusCode(200)
                .body("duplicate", equalTo(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = new java.util.LinkedHashMap<>((Map<String, Object>) ce.get("data"));
        data.put("units", 7);
        Map<String, Object> changed = new java.util.LinkedHashMap<>(ce);
        changed.put("data", data);
        binary(p, changed, Map.of()).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("event-id-reused"))
                .body("errors[0].field", equalTo("data.units")).body("errors[0].code", equalTo("EVENT_ID_REUSED"));
        IngestApi.post(p.bearer(), "application/cloudevents+json", IngestApi.json(changed)).then().statusCode(409)
                .body("errors.field", equalTo(List.of("data.units")));
        // attributes are validated as in structured mode, with the same field names
        Map<String, Object> wrongType = new java.util.LinkedHashMap<>(ce);
        wrongType.put("id", "bin-2");
        wrongType.put("type", "com.example.other");
        binary(p, wrongType, Map.of()).then().statusCode(200).body("rejected", equalTo(1))
                .body("results[0].errors[0].field", equalTo("type"));
        // percent-encoded attribute values are decoded (CloudEvents HTTP binding 3.1.3.2)
        Map<String, Object> encoded = new java.util.LinkedHashMap<>(ce);
        encoded.put("id", "bin-3");
        binary(p, encoded, Map.of("ce-source", "/trainer/%EC%9A%B4%EC%98%81 run")).then().statusCode(200).body("accepted", equalTo(1));
        ConsumerRecord<String, String> r = recordsOf(p.id()).stream().filter(x -> x.key().endsWith("/bin-3")).findFirst().orElseThrow();
        assertEquals(1500, IngestApi.JSON.readTree(r.value()).path("units").asLong());
        assertEquals(2, recordsOf(p.id()).size());
    }

    /** Sends a CloudEvent in HTTP binary mode: attributes as ce- headers, data as the body. */
    private static io.restassured.response.Response binary(IngestApi.Platform p, Map<String, Object> ce, Map<String, String> override) {
        var spec = io.restassured.RestAssured.given().config(io.restassured.RestAssured.config().encoderConfig(
                        io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", p.bearer()).header("Content-Type", "application/json").body(IngestApi.json(ce.get("data")));
        for (Map.Entry<String, Object> a : ce.entrySet()) {
            if (!a.getKey().equals("data") && !a.getKey().equals("datacontenttype")) {
                spec = spec.header("ce-" + a.getKey(), override.getOrDefault("ce-" + a.getKey(), String.valueOf(a.getValue())));
            }
        }
        return spec.when().post("/v1/usage-events");
    }

    @Test
    void theSameEventIdFromTwoPlatformsIsTwoEvents() {
        IngestApi.Platform a = newPlatform("twin-a");
        IngestApi.Platform b = newPlatform("twin-b");
        post(a, events("same", 3)).then().statusCode(200).body("accepted", equalTo(3));
        post(b, events("same", 3)).then().statusCode(200).body("accepted", equalTo(3));
        assertEquals(3, recordsOf(a.id()).size());
        assertEquals(3, recordsOf(b.id()).size());
    }

    @Test
    void concurrentResubmissionsStoreEachEventExactlyOnce() throws Exception {
        IngestApi.Platform p = newPlatform("race");
        List<Map<String, Object>> batch = events("r", 200);
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<JsonPath>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<JsonPath> call = () -> {
                start.await();
                return post(p, batch).then().statusCode(200).extract().jsonPath();
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        Map<String, Integer> acceptedPerEvent = new HashMap<>();
        for (Future<JsonPath> f : answers) {
            JsonPath j = f.get();
            assertEquals(200, j.getInt("accepted") + j.getInt("duplicate"));
            List<Map<String, Object>> results = j.getList("results");
            for (Map<String, Object> r : results) {
                if ("accepted".equals(r.get("status"))) {
                    acceptedPerEvent.merge((String) r.get("eventId"), 1, Integer::sum);
                }
            }
        }
        pool.shutdown();
        assertEquals(200, acceptedPerEvent.size());
        acceptedPerEvent.values().forEach(n -> assertEquals(1, n));
        List<ConsumerRecord<String, String>> records = recordsOf(p.id());
        assertEquals(200, records.size());
        assertEquals(200, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size());
    }
}
