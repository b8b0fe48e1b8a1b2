package io.fairshare.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {
    @Test
    void aRequestIsInBinaryModeOnlyWithCeSpecversion() {
        assertTrue(CloudEventHeaders.attributes(Map.of("ce-id", List.of("1"), "Content-Type", List.of("application/json"))).isEmpty());
        Map<String, String> a = CloudEventHeaders.attributes(Map.of("CE-SpecVersion", List.of("1.0"), "ce-id", List.of("e-1"),
                "ce-", List.of("ignored"), "Authorization", List.of("Bearer x")));
        assertEquals(Map.of("specversion", "1.0", "id", "e-1"), a);
    }

    @Test
    void valuesArePercentDecodedAsUtf8AndPlusStaysAPlus() {
        assertEquals("/trainer/운영 a+b", CloudEventHeaders.percentDecoded("/trainer/%EC%9A%B4%EC%98%81 a+b"));
        assertEquals("100%", CloudEventHeaders.percentDecoded("100%"));
        assertEquals("%zz", CloudEventHeaders.percentDecoded("%zz"));
    }

    @Test
    void theStructuredFormTakesTheBodyAsData() {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) CloudEventHeaders.structured(Map.of("specversion", "1.0", "data", "x"), Map.of("units", 1));
        assertEquals(Map.of("units", 1), e.get("data"));
        assertEquals("application/json", e.get("datacontenttype"));
        assertEquals("1.0", e.get("specversion"));
    }
}
