package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.events;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.fairshare.ingest.it.IngestApi.recordsOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class BrokerDownTest {

    @Test
    void withKafkaDownNothingIsClaimedAcceptedAndIngestRecoversWhenItReturns() {
        IngestApi.Platform p = newPlatform("outage");
        post(p, events("before", 5)).then().statusCode(200).body("accepted", equalTo(5));

        List<Map<String, Object>> batch = events("during", 20);
        TestServers.stopKafka();
        try {
            post(p, batch).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://fairshare.io/problems/unavailable"))
                    .body("detail", containsString("Kafka"));
        } finally {
            TestServers.startKafka();
        }
        // The same request, retried until the producer has reconnected: every event is accepted
        // (not duplicate: the failed claims were released), and each is on the topic once.
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                post(p, batch).then().statusCode(200).body("accepted", equalTo(20)));
        post(p, batch).then().statusCode(200).body("duplicate", equalTo(20));
        List<ConsumerRecord<String, String>> records = recordsOf(p.id());
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertEquals(25, copies.size());
        copies.forEach((k, n) -> assertEquals(1L, n, k));
    }
}
