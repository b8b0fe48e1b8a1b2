package io.fairshare.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.contracts.Topics;
import io.fairshare.testsupport.TestServers;
import io.fairshare.testsupport.TopicReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two real ingest instances from the packaged application, one database and one broker: an event
 * accepted by one is a duplicate at the other, and still a duplicate after a restart.
 */
class IngestRestartIT {

    @Test
    void anEventIsStoredOnceAcrossInstancesAndRestarts() throws Exception {
        String db = TestServers.createDatabase("ingest_restart_it");
        String platform = "restart-" + Long.toHexString(System.nanoTime());
        List<Map<String, Object>> batch = IngestApi.events("x", 40);
        int portA;
        try (PackagedIngest a = PackagedIngest.start(db, 0, "a", Map.of());
                PackagedIngest b = PackagedIngest.start(db, 0, "b", Map.of())) {
            portA = a.port;
            String token = a.newPlatform(platform);
            assertEquals(40, a.call("POST", "/v1/usage-events", token, batch, 200).get("accepted").asInt());
            assertEquals(40, b.call("POST", "/v1/usage-events", token, batch, 200).get("duplicate").asInt(),
                    "the other instance knows the ids");
            a.kill();
            try (PackagedIngest a2 = PackagedIngest.start(db, portA, "a2", Map.of())) {
                JsonNode again = a2.call("POST", "/v1/usage-events", token, batch.subList(30, 40), 200);
                assertEquals(10, again.get("duplicate").asInt(), "ids survive a restart");
            }
        }

        List<ConsumerRecord<String, String>> records = TopicReader.readAll(Topics.USAGE_ACCEPTED).stream()
                .filter(r -> r.key().startsWith(platform + "/")).toList();
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertEquals(40, copies.size());
        copies.values().forEach(n -> assertEquals(1L, n));
    }
}
