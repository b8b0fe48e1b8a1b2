package io.fairshare.contracts;

import static io.fairshare.contracts.ContractCheck.MAPPER;
import static io.fairshare.contracts.ContractCheck.produce;
import static io.fairshare.contracts.ContractCheck.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.fairshare.contracts.statements.AmountCategory;
import io.fairshare.contracts.statements.StatementAmountV1;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.contracts.statements.StatementKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementIssuedContractTest {
    static final JsonSchema ISSUED = ContractCheck.schema("statement-issued.v1.schema.json");

    static StatementIssuedV1 society() {
        return new StatementIssuedV1("2026-11/society/s-kosa", StatementKind.SOCIETY, "2026-11", "s-kosa", null, null, "KRW", 1481,
                "3f1d0c4e5b6a79808f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978", List.of("2026-10"),
                List.of(new StatementAmountV1("openai", "s-kosa", null, AmountCategory.LICENSED, 1200),
                        new StatementAmountV1("openai", "s-kosa", null, AmountCategory.UNLICENSED, 81),
                        new StatementAmountV1("openai", "s-kosa", null, AmountCategory.RESERVED_PENALTY, 200),
                        new StatementAmountV1("openai", "s-kosa", null, AmountCategory.DISPUTED, 40)),
                Instant.parse("2026-12-01T01:00:00Z"));
    }

    static StatementIssuedV1 platform() {
        return new StatementIssuedV1("2026-11/platform/openai", StatementKind.PLATFORM, "2026-11", null, null, "openai", "KRW", 1621,
                "a".repeat(64), List.of(),
                List.of(new StatementAmountV1("openai", "s-kosa", null, AmountCategory.LICENSED, 1200),
                        new StatementAmountV1("openai", null, "p-7", AmountCategory.LICENSED, 100),
                        new StatementAmountV1("openai", null, null, AmountCategory.UNCLAIMED, 321)),
                Instant.parse("2026-12-01T01:00:00Z"));
    }

    @Test
    void whatSettlementWritesIsValidAndReadsBackTheSame() throws Exception {
        for (StatementIssuedV1 s : List.of(society(), platform())) {
            JsonNode json = produce(s);
            assertEquals(Set.of(), violations(ISSUED, json));
            assertEquals(s, MAPPER.treeToValue(json, StatementIssuedV1.class));
        }
        ContractCheck.sameFields(ISSUED, StatementIssuedV1.class);
    }

    @Test
    void moneyIsWholeMinorUnitsAndTheAddresseeMatchesTheKind() {
        ObjectNode fraction = (ObjectNode) produce(society());
        fraction.put("totalMinor", 14.81);
        assertFalse(violations(ISSUED, fraction).isEmpty());
        ObjectNode badCategory = (ObjectNode) produce(society());
        ((ObjectNode) badCategory.get("amounts").get(0)).put("category", "OWED");
        assertFalse(violations(ISSUED, badCategory).isEmpty());
        ObjectNode noSociety = (ObjectNode) produce(society());
        noSociety.remove("societyId");
        assertFalse(violations(ISSUED, noSociety).isEmpty());
        ObjectNode noPlatform = (ObjectNode) produce(platform());
        noPlatform.remove("platformId");
        assertFalse(violations(ISSUED, noPlatform).isEmpty());
        ObjectNode badSha = (ObjectNode) produce(platform());
        badSha.put("sha256", "ABC");
        assertFalse(violations(ISSUED, badSha).isEmpty());
    }
}
