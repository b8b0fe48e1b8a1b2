package io.fairshare.ingest.it;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.Topics;
import io.fairshare.testsupport.TopicReader;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the integration tests do as a platform or an operator, through the real HTTP API. */
final class IngestApi {
    static final String OPERATOR = "Bearer test-operator-token";
    static final ObjectMapper JSON = new ObjectMapper();

    private IngestApi() {
    }

    /** A platform id unique to this run, and a fresh API key for it. */
    record Platform(String id, String token) {
        String bearer() {
            return "Bearer " + token;
        }
    }

    static Platform newPlatform(String prefix) {
        // The accepted topic exists before the first publish: created on demand, it may take longer than the
        // producer's metadata wait on a loaded machine, and the first batch would be a 503.
        TopicOnce.CREATED.hashCode();
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", OPERATOR).contentType("application/json")
                .body(Map.of("id", id, "name", "Test platform " + id))
                .post("/v1/admin/platforms").then().statusCode(201);
        return new Platform(id, issueKey(id));
    }

    static String issueKey(String platformId) {
        return given().header("Authorization", OPERATOR).post("/v1/admin/platforms/" + platformId + "/keys")
                .then().statusCode(201).extract().path("token");
    }

    /** A valid usage event with the given id (an ISBN-13 work, tokens, used an hour ago in KR). */
    private static final class TopicOnce {
        static final Object CREATED = create();

        private static Object create() {
            io.fairshare.testsupport.TestServers.createTopic(Topics.USAGE_ACCEPTED, 4);
            return Topics.USAGE_ACCEPTED;
        }
    }

    static Map<String, Object> event(String eventId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", eventId);
        e.put("modelId", "hanbit-llm");
        e.put("modelVersion", "2.1");
        e.put("usageType", "pre-training");
        e.put("work", new HashMap<>(Map.of("identifiers", List.of(Map.of("scheme", "isbn", "value", "978-0-306-40615-7")))));
        e.put("units", 1500);
        e.put("unitKind", "tokens");
        e.put("usedAt", Instant.now().minusSeconds(3600).toString());
        e.put("territory", "KR");
        return e;
    }

    static List<Map<String, Object>> events(String prefix, int n) {
        List<Map<String, Object>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(event(prefix + "-" + i));
        }
        return l;
    }

    static Map<String, Object> cloudEvent(String eventId) {
        Map<String, Object> data = event(eventId);
        data.remove("eventId");
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("specversion", "1.0");
        ce.put("id", eventId);
        ce.put("source", "/trainer/run-7");
        ce.put("type", "io.fairshare.usage.reported.v1");
        ce.put("datacontenttype", "application/json");
        ce.put("data", data);
        return ce;
    }

    static byte[] json(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response post(Platform p, Object body) {
        return post(p.bearer(), "application/json", json(body));
    }

    static Response post(String authorization, String contentType, byte[] body) {
        // RestAssured would append "; charset=ISO-8859-1" to media types it does not know (the
        // CloudEvents ones), which ingest rightly refuses: send exactly what the test says.
        var spec = given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", authorization).body(body);
        if (contentType != null) {
            spec = spec.header("Content-Type", contentType);
        }
        return spec.when().post("/v1/usage-events");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every record on the accepted topic whose key belongs to the platform. */
    static List<ConsumerRecord<String, String>> recordsOf(String platformId) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicReader.readAll(Topics.USAGE_ACCEPTED)) {
            if (r.key() != null && r.key().startsWith(platformId + "/")) {
                out.add(r);
            }
        }
        return out;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
