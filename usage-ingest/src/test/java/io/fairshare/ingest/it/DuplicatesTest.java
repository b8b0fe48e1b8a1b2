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
