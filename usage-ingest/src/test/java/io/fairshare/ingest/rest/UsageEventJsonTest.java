package io.fairshare.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.ingest.domain.CloudEventInput;
import io.fairshare.ingest.domain.Sent;
import io.fairshare.ingest.domain.UsageEventInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageEventJsonTest {
    @Test
    void fieldsAreReadAsTheirKindOrKeptAsAnotherKind() {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", "e-1");
        e.put("modelId", 42);
        e.put("units", 7L);
        e.put("attributionWeight", new BigDecimal("0.50"));
        e.put("work", List.of("x"));
        UsageEventInput in = UsageEventJson.plain(e).value();
        assertEquals(Sent.got("e-1"), in.eventId());
        assertEquals(Sent.other(Sent.Kind.WHOLE, "42"), in.modelId());
        assertEquals(Sent.got(BigInteger.valueOf(7)), in.units());
        assertEquals(Sent.got(new BigDecimal("0.50")), in.attributionWeight());
        assertEquals(Sent.Kind.ARRAY, ((Sent.Other<?>) in.work()).kind());
        assertTrue(in.territory().isMissing());
        assertEquals("an array", in.work().describe());
        assertEquals("42", in.modelId().describe());
    }

    @Test
    void aNonObjectEventIsAnotherKind() {
        assertEquals(Sent.other(Sent.Kind.STRING, "x"), UsageEventJson.plain("x"));
        assertTrue(UsageEventJson.plain(null).isMissing());
    }

    @Test
    void dataBase64CountsWhenPresentEvenAsNull() {
        Map<String, Object> ce = new HashMap<>();
        ce.put("data_base64", null);
        CloudEventInput in = UsageEventJson.cloudEvent(ce).value();
        assertTrue(in.dataBase64Given());
        assertTrue(in.data().isMissing());
    }

    @Test
    void containersCompareAsTheParsedValuesDo() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("y", List.of("z"));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", List.of("z"));
        b.put("x", 1);
        Map<String, Object> c = Map.of("x", 1L, "y", List.of("z"));
        assertEquals(a, b);
        assertEquals(id(a), id(b));
        assertNotEquals(a, c);
        assertNotEquals(id(a), id(c));
        assertNotEquals(id(Map.of("x", "1")), id(Map.of("x", 1)));
    }

    private static Sent<String> id(Object value) {
        Map<String, Object> ce = new HashMap<>();
        ce.put("id", value);
        return UsageEventJson.cloudEvent(ce).value().id();
    }
}
