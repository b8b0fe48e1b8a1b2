package io.fairshare.ingest.domain;

import io.fairshare.contracts.errors.FieldError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.ingest.rest.UsageEventJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageEventValidatorTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    final UsageEventValidator validator = new UsageEventValidator(IngestLimits.defaults());

    static Map<String, Object> valid() {
        Map<String, Object> id = new HashMap<>(Map.of("scheme", "isbn", "value", "978-0-306-40615-7"));
        Map<String, Object> work = new HashMap<>(Map.of("identifiers", new ArrayList<>(List.of(id)), "title", "Signals"));
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", "evt-1");
        e.put("modelId", "hanbit-llm");
        e.put("modelVersion", "2.1");
        e.put("usageType", "pre-training");
        e.put("work", work);
        e.put("units", 120_000);
        e.put("unitKind", "tokens");
        e.put("usedAt", "2026-11-20T09:30:00+09:00");
        e.put("territory", "kr");
        e.put("attributionWeight", new BigDecimal("0.50"));
        return e;
    }

    @Test
    void aCompleteEventIsTypedAndNormalised() {
        Validated v = plain(valid(), "acme", NOW);
        assertTrue(v.isValid(), () -> v.errors().toString());
        UsageEvent e = v.event();
        assertEquals("evt-1", e.eventId());
        assertEquals(UsageType.PRE_TRAINING, e.usageType());
        assertEquals(UnitKind.TOKENS, e.unitKind());
        assertEquals(List.of(new WorkId(IdScheme.ISBN, "9780306406157")), e.identifiers());
        assertEquals(120_000L, e.units());
        assertEquals(Instant.parse("2026-11-20T00:30:00Z"), e.usedAt());
        assertEquals("KR", e.territory());
        assertEquals(new BigDecimal("0.5"), e.attributionWeight());
        assertEquals("Signals", e.title());
    }

    @Test
    void theOptionalTrainingRunAndDatasetIdsArePassedOnAndBounded() {
        Map<String, Object> e = valid();
        e.put("trainingRunId", "run-42");
        e.put("datasetId", "corpus-7");
        Validated v = plain(e, "acme", NOW);
        assertTrue(v.isValid(), () -> v.errors().toString());
        assertEquals("run-42", v.event().trainingRunId());
        assertEquals("corpus-7", v.event().datasetId());
        assertNull(plain(valid(), "acme", NOW).event().trainingRunId());
        e.put("trainingRunId", "r".repeat(UsageEventValidator.MAX_TRAINING_RUN_ID + 1));
        assertEquals("trainingRunId", plain(e, "acme", NOW).errors().get(0).field());
    }

    @Test
    void everyProblemOfAnEventIsReportedNotOnlyTheFirst() {
        Map<String, Object> e = valid();
        e.put("units", 0);
        e.put("territory", "XX");
        e.remove("modelId");
        Validated v = plain(e, "acme", NOW);
        assertFalse(v.isValid());
        assertEquals("evt-1", v.eventId());
        assertEquals(List.of("modelId:FIELD_REQUIRED", "units:UNITS_NOT_POSITIVE", "territory:TERRITORY_UNKNOWN"),
                v.errors().stream().map(f -> f.field() + ":" + f.code()).toList());
    }

    @Test
    void unitsAreWholePositiveAndBounded() {
        assertEquals("UNITS_NOT_INTEGER", firstCode("units", new BigDecimal("1.5")));
        assertEquals("UNITS_NOT_POSITIVE", firstCode("units", -3));
        assertEquals("UNITS_TOO_LARGE", firstCode("units", BigInteger.TEN.pow(20)));
        assertEquals("FIELD_TYPE", firstCode("units", "12"));
        Map<String, Object> e = valid();
        e.put("units", IngestLimits.DEFAULT_MAX_UNITS);
        assertTrue(plain(e, "acme", NOW).isValid());
    }

    @Test
    void timeOfUseMayLeadTheClockOnlyByTheSkew() {
        Map<String, Object> e = valid();
        e.put("usedAt", "2026-11-21T12:05:00Z");
        assertTrue(plain(e, "acme", NOW).isValid());
        assertEquals("USED_AT_IN_FUTURE", firstCode("usedAt", "2026-11-21T12:05:01Z"));
        assertEquals("USED_AT_FORMAT", firstCode("usedAt", "2026-11-21 12:00"));
        assertEquals("USED_AT_FORMAT", firstCode("usedAt", "2026-11-21T12:00:00"));
        assertEquals("USED_AT_TOO_EARLY", firstCode("usedAt", "1999-12-31T23:59:59Z"));
    }

    @Test
    void weightsAreExactPositiveAndOfBoundedPrecision() {
        assertEquals("ATTRIBUTION_WEIGHT_RANGE", firstCode("attributionWeight", BigDecimal.ZERO));
        assertEquals("ATTRIBUTION_WEIGHT_RANGE", firstCode("attributionWeight", new BigDecimal("1000000.1")));
        assertEquals("ATTRIBUTION_WEIGHT_PRECISION", firstCode("attributionWeight", new BigDecimal("0.0000001")));
        Map<String, Object> e = valid();
        e.put("attributionWeight", 3);
        assertEquals(new BigDecimal("3"), plain(e, "acme", NOW).event().attributionWeight());
    }

    @Test
    void aBodyCannotNameAnotherPlatform() {
        Map<String, Object> e = valid();
        e.put("platformId", "someone-else");
        assertEquals(List.of("PLATFORM_ID_MISMATCH"), codes(plain(e, "acme", NOW)));
        e.put("platformId", "acme");
        assertTrue(plain(e, "acme", NOW).isValid());
    }

    @Test
    void eventIdsArePrintableAsciiOfBoundedLength() {
        assertEquals("EVENT_ID_CHARACTERS", firstCode("eventId", "evt 1"));
        assertEquals("EVENT_ID_CHARACTERS", firstCode("eventId", "évt"));
        assertEquals("EVENT_ID_LENGTH", firstCode("eventId", "x".repeat(129)));
        assertEquals("EVENT_ID_LENGTH", firstCode("eventId", ""));
        assertEquals("FIELD_TYPE", firstCode("eventId", 17));
    }

    @Test
    void aStructuredCloudEventCarriesTheEventInItsData() {
        Map<String, Object> data = valid();
        data.remove("eventId");
        Map<String, Object> ce = new HashMap<>(Map.of("specversion", "1.0", "id", "ce-7", "source", "/acme/trainer",
                "type", "io.fairshare.usage.reported.v1", "datacontenttype", "application/json", "data", data));
        Validated v = cloudEvent(ce, "acme", NOW);
        assertTrue(v.isValid(), () -> v.errors().toString());
        assertEquals("ce-7", v.event().eventId());

        ce.put("type", "com.example.other");
        ce.put("specversion", "0.3");
        data.put("units", -1);
        Validated bad = cloudEvent(ce, "acme", NOW);
        assertEquals(List.of("specversion:CLOUDEVENT_SPECVERSION", "type:CLOUDEVENT_TYPE", "data.units:UNITS_NOT_POSITIVE"),
                bad.errors().stream().map(f -> f.field() + ":" + f.code()).toList());
    }

    @Test
    void aCloudEventWithoutDataNamesWhatIsMissing() {
        Validated v = cloudEvent(Map.of("specversion", "1.0", "source", "/x", "type", "io.fairshare.usage.reported.v1"), "acme", NOW);
        assertEquals(List.of("data:FIELD_REQUIRED", "id:FIELD_REQUIRED"), v.errors().stream().map(f -> f.field() + ":" + f.code()).toList());
        assertNull(v.eventId());
    }

    @Test
    void identifierProblemsPointAtTheIdentifier() {
        Map<String, Object> e = valid();
        @SuppressWarnings("unchecked")
        Map<String, Object> work = (Map<String, Object>) e.get("work");
        work.put("identifiers", List.of(Map.of("scheme", "isbn", "value", "978-0-306-40615-7"), Map.of("scheme", "issn", "value", "x")));
        Validated v = plain(e, "acme", NOW);
        assertEquals("work.identifiers[1].scheme", v.errors().get(0).field());
        assertEquals("IDENTIFIER_SCHEME_UNKNOWN", v.errors().get(0).code());
    }

    /** The body as the REST edge hands it over: translated once into the domain's input types. */
    private Validated plain(Map<String, Object> json, String platformId, Instant now) {
        return validator.validatePlain(UsageEventJson.plain(json), platformId, now);
    }

    private Validated cloudEvent(Map<String, Object> json, String platformId, Instant now) {
        return validator.validateCloudEvent(UsageEventJson.cloudEvent(json), platformId, now);
    }

    private String firstCode(String field, Object value) {
        Map<String, Object> e = valid();
        e.put(field, value);
        Validated v = plain(e, "acme", NOW);
        assertFalse(v.isValid(), field + "=" + value + " should be refused");
        return v.errors().get(0).code();
    }

    private static List<String> codes(Validated v) {
        return v.errors().stream().map(FieldError::code).toList();
    }
}
