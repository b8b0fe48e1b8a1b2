package io.fairshare.contracts;

import static io.fairshare.contracts.ContractCheck.MAPPER;
import static io.fairshare.contracts.ContractCheck.produce;
import static io.fairshare.contracts.ContractCheck.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageUnmatchedV1;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageResolvedContractTest {
    static final JsonSchema RESOLVED = ContractCheck.schema("usage-resolved.v1.schema.json");
    static final JsonSchema UNMATCHED = ContractCheck.schema("usage-unmatched.v1.schema.json");

    static UsageResolvedV1 resolved() {
        return new UsageResolvedV1(UsageAcceptedContractTest.full(), "w-102", "book", new WorkId(IdScheme.ISBN, "9780306406157"), false,
                List.of(new ResolvedLineV1("p-1", "s-kosa", 6000, LineStatus.LICENSED, "lic-9", "t-books-2026", false),
                        new ResolvedLineV1("p-2", null, 3000, LineStatus.UNLICENSED, null, null, false),
                        new ResolvedLineV1(null, null, 1000, LineStatus.UNCLAIMED, null, null, false)),
                Instant.parse("2026-11-20T00:31:05Z"));
    }

    @Test
    void whatTheRegistryWritesIsValidAndReadsBackTheSame() throws Exception {
        JsonNode json = produce(resolved());
        assertEquals(Set.of(), violations(RESOLVED, json));
        assertEquals(resolved(), MAPPER.treeToValue(json, UsageResolvedV1.class));
        ContractCheck.sameFields(RESOLVED, UsageResolvedV1.class);
    }

    @Test
    void aResolvedEventCarriesAValidAcceptedEventAndValidLines() {
        ObjectNode json = (ObjectNode) produce(resolved());
        ((ObjectNode) json.get("usage")).remove("platformId");
        assertFalse(violations(RESOLVED, json).isEmpty(), "the embedded usage is checked against its own schema");
        ObjectNode badLine = (ObjectNode) produce(resolved());
        ((ObjectNode) badLine.get("lines").get(0)).put("status", "MAYBE");
        assertFalse(violations(RESOLVED, badLine).isEmpty());
        ObjectNode noLines = (ObjectNode) produce(resolved());
        noLines.putArray("lines");
        assertFalse(violations(RESOLVED, noLines).isEmpty());
    }

    @Test
    void aWorkKeyAsLongAsAHashOrAUrlIsAValidWorkId() {
        ObjectNode json = (ObjectNode) produce(resolved());
        json.put("workId", "sha256:" + "a".repeat(64));
        assertEquals(Set.of(), violations(RESOLVED, json));
        json.put("workId", "url:https://news.example.kr/" + "a".repeat(2000));
        assertEquals(Set.of(), violations(RESOLVED, json));
    }

    @Test
    void unmatchedUsageKeepsTheWholeEvent() throws Exception {
        UsageUnmatchedV1 u = new UsageUnmatchedV1(UsageAcceptedContractTest.full(), "no work has identifier isbn:9780306406157",
                Instant.parse("2026-11-20T00:31:05Z"));
        JsonNode json = produce(u);
        assertEquals(Set.of(), violations(UNMATCHED, json));
        assertEquals(u, MAPPER.treeToValue(json, UsageUnmatchedV1.class));
        ContractCheck.sameFields(UNMATCHED, UsageUnmatchedV1.class);
    }
}
