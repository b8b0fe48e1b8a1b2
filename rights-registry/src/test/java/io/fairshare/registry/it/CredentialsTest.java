package io.fairshare.registry.it;

import static io.fairshare.registry.it.RegistryApi.AUTHORITY;
import static io.fairshare.registry.it.RegistryApi.as;
import static io.fairshare.registry.it.RegistryApi.newSociety;
import static io.fairshare.testsupport.RoleAssertions.forbidden;
import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issued party and auditor credentials: who may issue, revoke and list them; a society never learns whether a
 * party that is not its member exists; the token works at once and not after its revocation; the records on
 * fairshare.credentials.v1 carry the secret's hash, never the token.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class CredentialsTest {
    static final String CONFIGURED_AUDITOR = "Bearer test-auditor-key";
    static final String CONFIGURED_PARTY = "Bearer party-roles-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    static String party(RegistryApi.Society s, String ref) {
        String id = "ref:" + s.id() + ":" + ref;
        as(s.bearer()).body(Map.of("id", id, "name", "Party " + ref)).put("/v1/parties/" + id).then().statusCode(200);
        return id;
    }

    @Test
    void aSocietyIssuesAKeyForItsMemberAndThePartyReadsItsOwnRecordWithIt() {
        RegistryApi.Society s = newSociety("cred");
        String p = party(s, "P1");
        JsonPath issued = as(s.bearer()).post("/v1/credentials/parties/" + p).then().statusCode(201)
                .body("role", equalTo("party")).body("subjectId", equalTo(p)).body("societyId", equalTo(s.id()))
                .body("issuedBy", equalTo(s.id())).body("revoked", equalTo(false)).body("revision", equalTo(1))
                .extract().jsonPath();
        String token = issued.getString("token");
        assertTrue(BearerKeys.PARTY.parse(token).isPresent(), token);
        assertEquals(issued.getString("keyId"), BearerKeys.PARTY.parse(token).orElseThrow().keyId());
        assertNull(issued.get("secretSha256"), "the response never carries the hash");

        as("Bearer " + token).get("/v1/parties/" + p).then().statusCode(200).body("id", equalTo(p));
        forbidden(as("Bearer " + token).get("/v1/parties/" + party(s, "P2")).then());
        forbidden(as("Bearer " + token).post("/v1/credentials/parties/" + p).then());
    }

    @Test
    void aSocietyAskingForANonMemberGets404AsForAPartyThatDoesNotExist() {
        RegistryApi.Society s = newSociety("cred-a");
        RegistryApi.Society other = newSociety("cred-b");
        String theirs = party(other, "P1");
        String missing = "ref:" + other.id() + ":NOBODY";
        JsonNode notMember = JSON.valueToTree(as(s.bearer()).post("/v1/credentials/parties/" + theirs).then().statusCode(404)
                .contentType("application/problem+json").extract().as(Map.class));
        JsonNode absent = JSON.valueToTree(as(s.bearer()).post("/v1/credentials/parties/" + missing).then().statusCode(404)
                .extract().as(Map.class));
        assertEquals(absent.toString().replace(missing, "ID"), notMember.toString().replace(theirs, "ID"),
                "a non-member and a party that does not exist are refused alike");
        as(AUTHORITY).post("/v1/credentials/parties/" + missing).then().statusCode(404);

        // a mandate with the society makes the party its member
        as(AUTHORITY).body(Map.of("party", theirs, "society", s.id(), "right", "TRAINING", "territory", "WORLD"))
                .post("/v1/mandates").then().statusCode(201);
        as(s.bearer()).post("/v1/credentials/parties/" + theirs).then().statusCode(201);
        as(AUTHORITY).post("/v1/credentials/parties/" + theirs).then().statusCode(201).body("societyId", equalTo(null))
                .body("issuedBy", equalTo("operator"));
    }

    @Test
    void onlyTheAuthorityIssuesAuditorKeysWithAnExplicitScopeAndAnExpiry() {
        RegistryApi.Society s = newSociety("cred-aud");
        String expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> body = Map.of("name", "kcc-audit", "platforms", List.of("openai"), "periods", List.of("2026-11"),
                "expiresAt", expires);
        for (String k : List.of(s.bearer(), CONFIGURED_AUDITOR, CONFIGURED_PARTY)) {
            forbidden(as(k).body(body).post("/v1/credentials/auditors").then());
        }
        unauthenticated(given().contentType("application/json").body(body).post("/v1/credentials/auditors").then());
        unauthenticated(as("Bearer " + BearerKeys.PLATFORM.generate().token()).body(body).post("/v1/credentials/auditors").then());

        as(AUTHORITY).body(Map.of("name", "kcc-audit", "platforms", List.of("openai"), "periods", List.of("2026-11")))
                .post("/v1/credentials/auditors").then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        as(AUTHORITY).body(Map.of("name", "kcc-audit", "periods", List.of("November"), "expiresAt", expires))
                .post("/v1/credentials/auditors").then().statusCode(400)
                .body("errors.field", equalTo(List.of("platforms", "periods[0]")));
        JsonPath a = as(AUTHORITY).body(body).post("/v1/credentials/auditors").then().statusCode(201)
                .body("role", equalTo("auditor")).body("platforms", equalTo(List.of("openai")))
                .body("periods", equalTo(List.of("2026-11"))).body("expiresAt", equalTo(expires)).extract().jsonPath();
        String token = a.getString("token");
        assertTrue(token.startsWith("fsa_"));
        as("Bearer " + token).get("/v1/societies/" + s.id()).then().statusCode(200);
        forbidden(as("Bearer " + token).body(body).post("/v1/credentials/auditors").then());
    }

    @Test
    void revokingIsForTheIssuerOrTheAuthorityAndARevokedKeyIsRefused() {
        RegistryApi.Society s = newSociety("cred-rev");
        RegistryApi.Society other = newSociety("cred-rev2");
        String p = party(s, "P1");
        JsonPath issued = as(s.bearer()).post("/v1/credentials/parties/" + p).then().statusCode(201).extract().jsonPath();
        String keyId = issued.getString("keyId");
        String token = "Bearer " + issued.getString("token");
        as(token).get("/v1/parties/" + p).then().statusCode(200);

        as(other.bearer()).delete("/v1/credentials/" + keyId).then().statusCode(404);
        as(other.bearer()).get("/v1/credentials").then().statusCode(200).body("keyId", equalTo(List.of()));
        as(s.bearer()).get("/v1/credentials").then().statusCode(200).body("keyId", equalTo(List.of(keyId)));
        assertTrue(as(AUTHORITY).get("/v1/credentials").then().statusCode(200).extract().jsonPath().getList("keyId").contains(keyId));
        forbidden(as(CONFIGURED_AUDITOR).get("/v1/credentials").then());
        forbidden(as(token).delete("/v1/credentials/" + keyId).then());

        as(s.bearer()).delete("/v1/credentials/" + keyId).then().statusCode(200).body("revoked", equalTo(true)).body("revision", equalTo(2));
        unauthenticated(as(token).get("/v1/parties/" + p).then());
        as(AUTHORITY).delete("/v1/credentials/" + keyId).then().statusCode(200).body("revision", equalTo(2));
        as(AUTHORITY).queryParam("entityKey", "credential|" + keyId).get("/v1/audit").then().statusCode(200)
                .body("action", equalTo(List.of("ISSUE", "REVOKE"))).body("actor", equalTo(List.of(s.id(), s.id())))
                .body("after[0].secretSha256", equalTo(null));
    }

    @Test
    void theIssueAndTheRevocationReachTheCredentialsTopicWithTheHashAndNeverTheToken() throws Exception {
        RegistryApi.Society s = newSociety("cred-topic");
        String p = party(s, "P1");
        JsonPath issued = as(s.bearer()).post("/v1/credentials/parties/" + p).then().statusCode(201).extract().jsonPath();
        String keyId = issued.getString("keyId");
        String token = issued.getString("token");
        as(s.bearer()).delete("/v1/credentials/" + keyId).then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(keyId).size() == 2);
        List<ConsumerRecord<String, String>> records = recordsFor(keyId);
        JsonNode first = JSON.readTree(records.get(0).value());
        JsonNode second = JSON.readTree(records.get(1).value());
        String secret = BearerKeys.PARTY.parse(token).orElseThrow().secret();
        assertEquals(HexFormat.of().formatHex(BearerKeys.hash(secret)), first.get("secretSha256").asText());
        assertEquals("party", first.get("role").asText());
        assertEquals(p, first.get("subjectId").asText());
        assertEquals(s.id(), first.get("societyId").asText());
        assertEquals(1, first.get("revision").asInt());
        assertFalse(first.get("revoked").asBoolean());
        assertEquals(2, second.get("revision").asInt());
        assertTrue(second.get("revoked").asBoolean());
        for (ConsumerRecord<String, String> r : records) {
            assertFalse(r.value().contains(secret), "the token's secret never leaves the registry");
        }
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String keyId) {
        return TopicReader.readAll(Topics.CREDENTIALS, Duration.ofSeconds(2)).stream().filter(r -> keyId.equals(r.key())).toList();
    }
}
