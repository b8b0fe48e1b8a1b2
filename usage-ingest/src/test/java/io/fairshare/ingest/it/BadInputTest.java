package io.fairshare.ingest.it;

import static io.fairshare.ingest.it.IngestApi.cloudEvent;
import static io.fairshare.ingest.it.IngestApi.event;
import static io.fairshare.ingest.it.IngestApi.json;
import static io.fairshare.ingest.it.IngestApi.newPlatform;
import static io.fairshare.ingest.it.IngestApi.post;
import static io.fairshare.ingest.it.IngestApi.recordsOf;
import static io.fairshare.ingest.it.IngestApi.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a request or an event can be wrong gets its documented answer, never a 500, and nothing
 * of it reaches Kafka.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
    static IngestApi.Platform platform;

    /** A whole-request error: status and problem type slug. */
    record RequestCase(String name, String contentType, byte[] body, int status, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One bad event (given as a mutation of a valid one): rejected with this field and code. */
    record EventCase(String name, Consumer<Map<String, Object>> mutation, String field, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static IngestApi.Platform platform() {
        if (platform == null) {
            platform = newPlatform("bad");
        }
        return platform;
    }

    static Stream<RequestCase> requestCases() {
        String one = new String(json(List.of(event("bad-req-1"))));
        byte[] invalidUtf8 = one.replace("hanbit-llm", "hanbit\u0001llm").getBytes();
        int at = indexOf(invalidUtf8, (byte) 1);
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8 = concat(Arrays.copyOf(invalidUtf8, at + 1), new byte[]{(byte) 0x28}, Arrays.copyOfRange(invalidUtf8, at + 1, invalidUtf8.length));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(Map.of("eventId", "bad-many-" + i));
        }
        byte[] huge = new byte[17 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        return Stream.of(
                new RequestCase("truncated JSON", "application/json", utf8(one.substring(0, one.length() / 2)), 400, "malformed-json"),
                new RequestCase("garbage after the array", "application/json", utf8(one + " []"), 400, "malformed-json"),
                new RequestCase("invalid UTF-8", "application/json", invalidUtf8, 400, "malformed-json"),
                new RequestCase("deeply nested JSON", "application/json", utf8("[".repeat(200) + "]".repeat(200)), 400, "json-limits"),
                new RequestCase("duplicate keys in an event", "application/json", utf8("[{\"eventId\":\"bad-dk\",\"eventId\":\"bad-dk2\"}]"), 400, "malformed-json"),
                new RequestCase("empty body", "application/json", new byte[0], 400, "malformed-json"),
                new RequestCase("empty batch", "application/json", utf8("[]"), 400, "empty-batch"),
                new RequestCase("an object where a batch is expected", "application/json", json(event("bad-obj")), 400, "not-a-batch"),
                new RequestCase("a scalar where a batch is expected", "application/json", utf8("42"), 400, "not-a-batch"),
                new RequestCase("an array sent as a single CloudEvent", "application/cloudevents+json", json(List.of(cloudEvent("bad-ce-arr"))), 400, "not-an-event"),
                new RequestCase("oversize batch (10,001 events)", "application/json", json(tooMany), 413, "batch-too-large"),
                new RequestCase("body over the 16 MiB limit", "application/json", huge, 413, "body-too-large"),
                new RequestCase("wrong media type", "text/plain", utf8(one), 415, "unsupported-media-type"),
                new RequestCase("XML media type", "application/xml", utf8("<events/>"), 415, "unsupported-media-type"),
                new RequestCase("no media type", null, utf8(one), 415, "unsupported-media-type"),
                new RequestCase("a charset other than UTF-8", "application/json; charset=ISO-8859-1", utf8(one), 415, "unsupported-media-type"));
    }

    static Stream<EventCase> eventCases() {
        return Stream.of(
                new EventCase("event id missing", e -> e.remove("eventId"), "eventId", "FIELD_REQUIRED"),
                new EventCase("event id a number", e -> e.put("eventId", 42), "eventId", "FIELD_TYPE"),
                new EventCase("event id too long", e -> e.put("eventId", "x".repeat(129)), "eventId", "EVENT_ID_LENGTH"),
                new EventCase("event id with a space", e -> e.put("eventId", "bad id"), "eventId", "EVENT_ID_CHARACTERS"),
                new EventCase("model id missing", e -> e.remove("modelId"), "modelId", "FIELD_REQUIRED"),
                new EventCase("model id blank", e -> e.put("modelId", "  "), "modelId", "FIELD_EMPTY"),
                new EventCase("model version too long", e -> e.put("modelVersion", "v".repeat(101)), "modelVersion", "FIELD_TOO_LONG"),
                new EventCase("usage type unknown", e -> e.put("usageType", "inference"), "usageType", "USAGE_TYPE_UNKNOWN"),
                new EventCase("usage type not a string", e -> e.put("usageType", 3), "usageType", "FIELD_TYPE"),
                new EventCase("work missing", e -> e.remove("work"), "work", "FIELD_REQUIRED"),
                new EventCase("work an array", e -> e.put("work", List.of()), "work", "FIELD_TYPE"),
                new EventCase("no identifiers", e -> e.put("work", Map.of("identifiers", List.of())), "work.identifiers", "WORK_IDENTIFIERS_EMPTY"),
                new EventCase("17 identifiers", e -> e.put("work", Map.of("identifiers", java.util.Collections.nCopies(17, Map.of("scheme", "isbn", "value", "9780306406157")))), "work.identifiers", "WORK_IDENTIFIERS_TOO_MANY"),
                new EventCase("identifier scheme unknown", e -> work(e, "issn", "0317-8471"), "work.identifiers[0].scheme", "IDENTIFIER_SCHEME_UNKNOWN"),
                new EventCase("ISWC check digit wrong", e -> work(e, "iswc", "T-034.524.680-2"), "work.identifiers[0].value", "ISWC_CHECK_DIGIT"),
                new EventCase("ISBN-13 check digit wrong", e -> work(e, "isbn", "978-0-306-40615-8"), "work.identifiers[0].value", "ISBN_CHECK_DIGIT"),
                new EventCase("ISRC malformed", e -> work(e, "isrc", "US-RC1-76-0760"), "work.identifiers[0].value", "ISRC_FORMAT"),
                new EventCase("DOI malformed", e -> work(e, "doi", "11.1000/182"), "work.identifiers[0].value", "DOI_FORMAT"),
                new EventCase("SHA-256 not hex", e -> work(e, "sha256", "z".repeat(64)), "work.identifiers[0].value", "SHA256_FORMAT"),
                new EventCase("URL not http", e -> work(e, "url", "ftp://news.example.kr/a/1"), "work.identifiers[0].value", "URL_SCHEME"),
                new EventCase("units zero", e -> e.put("units", 0), "units", "UNITS_NOT_POSITIVE"),
                new EventCase("units negative", e -> e.put("units", -5), "units", "UNITS_NOT_POSITIVE"),
                new EventCase("units fractional", e -> e.put("units", new BigDecimal("2.5")), "units", "UNITS_NOT_INTEGER"),
                new EventCase("units a string", e -> e.put("units", "100"), "units", "FIELD_TYPE"),
                new EventCase("units beyond the bound", e -> e.put("units", new java.math.BigInteger("10000000000000000000")), "units", "UNITS_TOO_LARGE"),
                new EventCase("unit kind unknown", e -> e.put("unitKind", "words"), "unitKind", "UNIT_KIND_UNKNOWN"),
                new EventCase("time of use in the future", e -> e.put("usedAt", Instant.now().plusSeconds(3600).toString()), "usedAt", "USED_AT_IN_FUTURE"),
                new EventCase("time of use not RFC 3339", e -> e.put("usedAt", "21/11/2026"), "usedAt", "USED_AT_FORMAT"),
                new EventCase("time of use without offset", e -> e.put("usedAt", "2026-11-01T10:00:00"), "usedAt", "USED_AT_FORMAT"),
                new EventCase("territory unknown", e -> e.put("territory", "XX"), "territory", "TERRITORY_UNKNOWN"),
                new EventCase("territory alpha-3", e -> e.put("territory", "KOR"), "territory", "TERRITORY_UNKNOWN"),
                new EventCase("attribution weight zero", e -> e.put("attributionWeight", 0), "attributionWeight", "ATTRIBUTION_WEIGHT_RANGE"),
                new EventCase("attribution weight a string", e -> e.put("attributionWeight", "0.5"), "attributionWeight", "FIELD_TYPE"),
                new EventCase("attribution weight too precise", e -> e.put("attributionWeight", new BigDecimal("0.1234567")), "attributionWeight", "ATTRIBUTION_WEIGHT_PRECISION"),
                new EventCase("another platform named in the body", e -> e.put("platformId", "someone-else"), "platformId", "PLATFORM_ID_MISMATCH"));
    }

    static Stream<EventCase> cloudEventCases() {
        return Stream.of(
                new EventCase("CloudEvent of another type", e -> e.put("type", "com.example.thing"), "type", "CLOUDEVENT_TYPE"),
                new EventCase("CloudEvent spec 0.3", e -> e.put("specversion", "0.3"), "specversion", "CLOUDEVENT_SPECVERSION"),
                new EventCase("CloudEvent without data", e -> e.remove("data"), "data", "FIELD_REQUIRED"),
                new EventCase("CloudEvent with data_base64", e -> e.put("data_base64", "e30="), "data_base64", "CLOUDEVENT_DATA_BASE64"),
                new EventCase("CloudEvent with XML data", e -> e.put("datacontenttype", "application/xml"), "datacontenttype", "CLOUDEVENT_DATACONTENTTYPE"));
    }

    static void work(Map<String, Object> e, String scheme, String value) {
        e.put("work", new HashMap<>(Map.of("identifiers", List.of(Map.of("scheme", scheme, "value", value)))));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("requestCases")
    void aBadRequestIsRefusedWholeWithItsProblem(RequestCase c) {
        Response r = post(platform().bearer(), c.contentType(), c.body());
        r.then().statusCode(c.status())
                .contentType("application/problem+json")
                .body("type", equalTo("https://fairshare.io/problems/" + c.problem()))
                .body("status", equalTo(c.status()))
                .body(not(containsString("Exception")));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventCases")
    void aBadEventIsRejectedWithItsFieldAndCodeWhileItsNeighbourIsAccepted(EventCase c) {
        String id = "bad-" + Integer.toHexString(c.name().hashCode());
        Map<String, Object> e = event(id);
        c.mutation().accept(e);
        Map<String, Object> good = event("good-" + Integer.toHexString(c.name().hashCode()));
        post(platform(), List.of(e, good)).then().statusCode(200)
                .body("rejected", equalTo(1)).body("accepted", equalTo(1))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors[0].field", equalTo(c.field()))
                .body("results[0].errors[0].code", equalTo(c.code()))
                .body("results[1].status", equalTo("accepted"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudEventCases")
    void aBadCloudEventIsRejectedWithItsAttributeAndCode(EventCase c) {
        Map<String, Object> ce = cloudEvent("bad-" + Integer.toHexString(c.name().hashCode()));
        c.mutation().accept(ce);
        post(platform().bearer(), "application/cloudevents-batch+json", json(List.of(ce))).then().statusCode(200)
                .body("rejected", equalTo(1)).body("results[0].errors[0].field", equalTo(c.field()))
                .body("results[0].errors[0].code", equalTo(c.code()));
    }

    @Order(1)
    @Test
    void anEventIdRepeatedInOneBatchIsTakenOnce() {
        post(platform(), List.of(event("bad-twice"), event("bad-twice"))).then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[1].errors[0].code", equalTo("EVENT_ID_REPEATED_IN_BATCH"));
    }

    @Order(1)
    @Test
    void requestsWithoutValidCredentialsAreRefused() {
        byte[] body = json(List.of(event("bad-anon")));
        post("", "application/json", body).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        post("Bearer fsk_0000000000000000_" + "A".repeat(43), "application/json", body).then().statusCode(401);
        post("Basic dXNlcjpwYXNz", "application/json", body).then().statusCode(401);
        post("Bearer test-operator-token", "application/json", body).then().statusCode(403).contentType("application/problem+json");
    }

    @Order(1)
    @Test
    void wrongMethodsAndPathsAreProblemsToo() {
        given().header("Authorization", platform().bearer()).get("/v1/usage-events")
                .then().statusCode(405).contentType("application/problem+json");
        given().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Order(2)
    @Test
    void nothingFromBadInputReachedKafka() {
        List<ConsumerRecord<String, String>> records = recordsOf(platform().id());
        List<String> bad = records.stream().map(ConsumerRecord::key).filter(k -> k.contains("/bad-")).toList();
        assertEquals(List.of(platform().id() + "/bad-twice"), bad);
        long good = records.stream().filter(r -> r.key().contains("/good-")).count();
        assertEquals(eventCases().count(), good);
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
