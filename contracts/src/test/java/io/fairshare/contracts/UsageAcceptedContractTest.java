package io.fairshare.contracts;

import static io.fairshare.contracts.ContractCheck.MAPPER;
import static io.fairshare.contracts.ContractCheck.produce;
import static io.fairshare.contracts.ContractCheck.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageAcceptedContractTest {
    static final JsonSchema SCHEMA = ContractCheck.schema("usage-accepted.v1.schema.json");

    static UsageAcceptedV1 full() {
        return new UsageAcceptedV1("acme", "e-1", "hanbit-llm", "2.1", UsageType.PRE_TRAINING,
                new WorkRef(List.of(new WorkId(IdScheme.ISBN, "9780306406157"), new WorkId(IdScheme.URL, "https://news.example.kr/a/1")), "Signals"),
                120_000, UnitKind.TOKENS, Instant.parse("2026-11-20T00:30:00Z"), "KR", "corpus-7", new BigDecimal("0.5"),
                Instant.parse("2026-11-20T00:31:00.5Z"));
    }

    @Test
    void whatTheProducerWritesIsValidAgainstTheSchema() {
        assertEquals(java.util.Set.of(), violations(SCHEMA, produce(full())));
        UsageAcceptedV1 minimal = new UsageAcceptedV1("acme", "e-2", "m", "1", UsageType.EVALUATION,
                new WorkRef(List.of(new WorkId(IdScheme.SHA256, "a".repeat(64))), null), 1, UnitKind.BYTES,
                Instant.parse("2026-11-20T00:30:00Z"), "US", null, null, Instant.parse("2026-11-20T00:30:01Z"));
        JsonNode json = produce(minimal);
        assertEquals(java.util.Set.of(), violations(SCHEMA, json));
        assertTrue(!json.has("datasetId") && !json.has("attributionWeight") && !json.has("trainingRunId"),
                "absent optionals are left out, not null");
    }

    @Test
    void theJavaTypeAndTheSchemaNameTheSameFields() {
        ContractCheck.sameFields(SCHEMA, UsageAcceptedV1.class);
    }

    @Test
    void aConsumerReadsTheSchemaExampleAndToleratesAnAdditiveField() throws Exception {
        ObjectNode example = (ObjectNode) MAPPER.readTree(getClass().getResourceAsStream("/examples/usage-accepted.v1.json"));
        assertEquals(java.util.Set.of(), violations(SCHEMA, example));
        example.put("someFutureField", "added in a later minor version");
        UsageAcceptedV1 read = MAPPER.treeToValue(example, UsageAcceptedV1.class);
        assertEquals(UsageType.FINE_TUNING, read.usageType());
        assertEquals(UnitKind.ITEMS, read.unitKind());
        assertEquals(new WorkId(IdScheme.ISWC, "T0345246801"), read.work().identifiers().get(0));
        assertEquals(new BigDecimal("0.25"), read.attributionWeight());
        assertEquals(Instant.parse("2026-11-20T00:31:02.123Z"), read.acceptedAt());
        assertEquals("corpus-7", read.datasetId());
        assertEquals("run-42", read.trainingRunId());
        // compared as text: the tree node types of 3 (int or long) differ, the JSON does not
        assertEquals(MAPPER.writeValueAsString(example.without("someFutureField")), MAPPER.writeValueAsString(produce(read)));
    }

    @Test
    void theSchemaRefusesWhatAConsumerCouldNotSettle() {
        ObjectNode json = (ObjectNode) produce(full());
        assertEquals(java.util.Set.of(), violations(SCHEMA, json));
        assertTrue(!violations(SCHEMA, json.deepCopy().without("platformId")).isEmpty(), "platformId is required");
        assertTrue(!violations(SCHEMA, json.deepCopy().put("units", 0)).isEmpty(), "units must be positive");
        assertTrue(!violations(SCHEMA, json.deepCopy().put("usageType", "inference")).isEmpty(), "usage types are closed");
        assertTrue(!violations(SCHEMA, json.deepCopy().put("territory", "kr")).isEmpty(), "territory is upper case");
        assertTrue(!violations(SCHEMA, json.deepCopy().put("usedAt", "yesterday")).isEmpty(), "usedAt is a date-time");
    }
}
