package io.fairshare.registry.it;

import static io.fairshare.registry.it.RegistryApi.as;
import static io.fairshare.registry.it.RegistryApi.newSociety;
import static io.fairshare.registry.it.RegistryApi.uniqueDoi;
import static io.fairshare.registry.it.RegistryApi.work;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.application.CatalogueState;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class ChangeTopicTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CatalogueState state;

    @Test
    void aChangeMadeThroughTheApiReachesTheChangeTopicTheListenersAndTheIndex() throws Exception {
        List<CatalogueChange> heard = new CopyOnWriteArrayList<>();
        state.addListener(heard::addAll);
        RegistryApi.Society s = newSociety("topic");
        String doi = uniqueDoi();
        WorkId id = Identifiers.parseKey(doi).id();
        String key = "work|" + doi;

        as(s.bearer()).body(work("On the wire", doi)).post("/v1/works").then().statusCode(201);
        assertEquals("On the wire", state.index().work(id).orElseThrow().title(), "read-after-write on this instance");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(key).size() == 1);
        JsonNode upsert = JSON.readTree(recordsFor(key).get(0).value());
        assertEquals("UpsertWork", upsert.get("type").asText());
        assertEquals(JSON.readTree("{\"key\":\"" + doi + "\",\"identifiers\":[\"" + doi + "\"],\"title\":\"On the wire\","
                + "\"category\":\"book\",\"alternateTitles\":[]}"), upsert.get("work"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> heard.stream().anyMatch(c -> c.entityKey().equals(key)));

        as(s.bearer()).body(Map.of("work", doi, "party", "ref:t:1", "right", "TRAINING", "territory", "WORLD",
                "basisPoints", 10000)).post("/v1/shares").then().statusCode(201);
        io.fairshare.registry.domain.catalogue.CatalogueIndex fresh = state.loadFromStore();
        assertEquals(state.index().work(id), fresh.work(id), "a start-up load holds what the API wrote");
        assertEquals(state.index().shares(id), fresh.shares(id));
        assertEquals(1, fresh.shares(id).size());
        as(s.bearer()).delete("/v1/works/" + doi).then().statusCode(204);
        assertTrue(state.index().work(id).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(key).size() == 2);
        JsonNode delete = JSON.readTree(recordsFor(key).get(1).value());
        assertEquals(JSON.readTree("{\"type\":\"DeleteWork\",\"key\":\"" + doi + "\"}"), delete);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                heard.stream().filter(c -> c.entityKey().equals(key)).toList().size() == 2);
        assertEquals(List.of(new CatalogueChange.DeleteWork(id)),
                heard.stream().filter(c -> c instanceof CatalogueChange.DeleteWork d && d.key().equals(id)).toList());
        assertEquals(1, state.index().shares(id).size(), "deleting a work keeps its shares");
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String key) {
        return TopicReader.readAll(Topics.REGISTRY_CHANGES, Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key())).toList();
    }
}
