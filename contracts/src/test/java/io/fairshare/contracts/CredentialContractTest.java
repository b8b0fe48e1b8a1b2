package io.fairshare.contracts;

import static io.fairshare.contracts.ContractCheck.MAPPER;
import static io.fairshare.contracts.ContractCheck.produce;
import static io.fairshare.contracts.ContractCheck.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialContractTest {
    static final JsonSchema CREDENTIAL = ContractCheck.schema("credential.v1.schema.json");
    static final String HASH = "0123456789abcdef".repeat(4);

    static CredentialV1 party() {
        return new CredentialV1("00112233445566ff", CredentialV1.PARTY, "ipi:00014107338", "s-kosa", "s-kosa", List.of(), List.of(), HASH,
                Instant.parse("2026-12-01T00:00:00Z"), null, false, 1);
    }

    static CredentialV1 auditor() {
        return new CredentialV1("a0112233445566ff", CredentialV1.AUDITOR, "kcc-audit", "ops-alice", null, List.of("openai"),
                List.of("2026-11", "2026-Q4"), HASH, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"), false, 1);
    }

    @Test
    void whatTheRegistryPublishesIsValidAndReadsBackTheSame() throws Exception {
        for (CredentialV1 c : List.of(party(), auditor(), auditor().revoke())) {
            JsonNode json = produce(c);
            assertEquals(Set.of(), violations(CREDENTIAL, json), json.toString());
            assertEquals(c, MAPPER.treeToValue(json, CredentialV1.class));
        }
        ContractCheck.sameFields(CREDENTIAL, CredentialV1.class);
        assertEquals(2, auditor().revoke().revision());
        assertTrue(auditor().revoke().revoked());
    }

    @Test
    void anAuditorNeedsAnExpiryAndNoSocietyAPartyNoScopeAndTheHashIsHex() {
        ObjectNode noExpiry = (ObjectNode) produce(auditor());
        noExpiry.remove("expiresAt");
        assertFalse(violations(CREDENTIAL, noExpiry).isEmpty());
        ObjectNode societyAuditor = (ObjectNode) produce(auditor());
        societyAuditor.put("societyId", "s-kosa");
        assertFalse(violations(CREDENTIAL, societyAuditor).isEmpty());
        ObjectNode scopedParty = (ObjectNode) produce(party());
        scopedParty.putArray("platforms").add("openai");
        assertFalse(violations(CREDENTIAL, scopedParty).isEmpty());
        ObjectNode badHash = (ObjectNode) produce(party());
        badHash.put("secretSha256", "ABC");
        assertFalse(violations(CREDENTIAL, badHash).isEmpty());
        ObjectNode token = (ObjectNode) produce(party());
        token.put("token", "fsp_00112233445566ff_secret");
        assertFalse(violations(CREDENTIAL, token).isEmpty(), "the token itself is never part of the record");
        ObjectNode badPeriod = (ObjectNode) produce(auditor());
        badPeriod.putArray("periods").add("November");
        assertFalse(violations(CREDENTIAL, badPeriod).isEmpty());
    }

    @Test
    void validityIsNotBeforeInclusiveExpiryExclusiveAndRevocationIsFinal() {
        CredentialV1 a = auditor();
        assertFalse(a.validAt(Instant.parse("2026-11-30T23:59:59Z")));
        assertTrue(a.validAt(Instant.parse("2026-12-01T00:00:00Z")));
        assertFalse(a.validAt(Instant.parse("2027-03-01T00:00:00Z")));
        assertFalse(a.revoke().validAt(Instant.parse("2027-01-01T00:00:00Z")));
        assertTrue(party().validAt(Instant.parse("2099-01-01T00:00:00Z")), "a party key without expiry");
        assertEquals(BearerKeys.AUDITOR, a.kind());
        assertEquals(BearerKeys.PARTY, party().kind());
    }
}
