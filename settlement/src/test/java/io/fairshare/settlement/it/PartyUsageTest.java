package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.service.credentials.CredentialJson;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.fairshare.testsupport.TopicWriter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A party's own view (GET /v1/parties/{id}/usage), on a database and usage topic of its own (the period chain of
 * CloseFlowTest stays untouched): party and auditor keys learnt from fairshare.credentials.v1; the party's figures
 * and what it was owed, computed here from the events themselves (statutory KRW 2 per 1,000 tokens, penalty x3);
 * every cross-read (another party, another society, a platform, a guessed id, an auditor out of scope) is the same
 * 404 body, and a revoked key is refused. Also: an issued auditor key reads only the statements of its scope.
 */
@QuarkusTest
@TestProfile(PartyUsageTest.OwnTopic.class)
@WithTestResource(value = FairshareTestResources.class, initArgs = @ResourceArg(name = "database", value = "settlement_party_usage"))
class PartyUsageTest {
    static final String TOPIC = "fairshare.usage.resolved.v1.party-usage-test";
    static final String PERIOD = "2024-03";

    public static class OwnTopic extends SettlementApi.OwnUsageTopic {
        public OwnTopic() {
            super(TOPIC, "settlement-party-usage-test");
        }
    }

    @Inject
    AgroalDataSource db;

    static CredentialV1 credential(BearerKeys.NewKey k, String role, String subject, List<String> platforms, List<String> periods) {
        return new CredentialV1(k.keyId(), role, subject, "operator", null, platforms, periods, HexFormat.of().formatHex(k.secretHash()),
                Instant.now().minusSeconds(60), role.equals(CredentialV1.AUDITOR) ? Instant.now().plusSeconds(86_400) : null, false, 1);
    }

    static void publishCredentials(CredentialV1... credentials) throws Exception {
        TopicWriter.send(Arrays.stream(credentials)
                .map(c -> new ProducerRecord<>(Topics.CREDENTIALS, c.keyId(), CredentialJson.write(c))).toList());
    }

    static int status(String token, String partyId) {
        return as(token).get("/v1/parties/{id}/usage", partyId).then().extract().statusCode();
    }

    static String notFoundBody(String token, String partyId) {
        return as(token).get("/v1/parties/{id}/usage", partyId).then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
    }

    /** The statutory amount of one line, in KRW: tokens x share / 10,000 x 2 / 1,000, times 3 for a violation. */
    static BigDecimal amount(UsageResolvedV1 e, ResolvedLineV1 l) {
        BigDecimal a = BigDecimal.valueOf(e.usage().units()).multiply(BigDecimal.valueOf(l.shareBasisPoints()))
                .multiply(BigDecimal.valueOf(2)).movePointLeft(7);
        return l.status() == LineStatus.RESERVED ? a.multiply(BigDecimal.valueOf(3)) : a;
    }

    static ResolvedLineV1 disputed(String partyId, String societyId) {
        return new ResolvedLineV1(partyId, societyId, 10_000, LineStatus.UNLICENSED, null, null, true);
    }

    @Test
    void aPartySeesItsOwnUsageAndOwedAmountsAndNobodyReadsAcross() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String pa = "P-A-" + tag, pb = "P-B-" + tag;
        operator().contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then().statusCode(200);
        String at = PERIOD + "-15T00:00:00Z";
        List<UsageResolvedV1> events = List.of(
                event("plat-a", "pu-1-" + tag, at, 10_000, "w-a1", line(pa, "s-alpha", 10_000, LineStatus.UNLICENSED, null)),
                event("plat-a", "pu-2-" + tag, at, 20_000, "w-a1", line(pa, "s-alpha", 5_000, LineStatus.UNLICENSED, null),
                        line(pb, "s-beta", 5_000, LineStatus.UNLICENSED, null)),
                event("plat-b", "pu-3-" + tag, at, 10_000, "w-a2", line(pa, "s-alpha", 10_000, LineStatus.RESERVED, null)),
                event("plat-b", "pu-4-" + tag, at, 30_000, "w-a3", line(pa, null, 10_000, LineStatus.UNLICENSED, null)),
                event("plat-a", "pu-5-" + tag, at, 10_000, "w-a4", disputed(pa, "s-alpha")),
                event("plat-a", "pu-6-" + tag, at, 40_000, "w-b1", line(pb, "s-beta", 10_000, LineStatus.UNLICENSED, null)));
        SettlementApi.publish(TOPIC, events);
        SettlementApi.awaitCount(db, events.size(), "SELECT count(*) FROM usage_event WHERE event_id LIKE ?", "pu-%-" + tag);

        // the expectations, from the events: per (platform, work, society, licence status) events, units and attributed units
        Map<String, long[]> counted = new TreeMap<>();
        BigDecimal owed = BigDecimal.ZERO, held = BigDecimal.ZERO;
        for (UsageResolvedV1 e : events) {
            for (ResolvedLineV1 l : e.lines()) {
                if (!pa.equals(l.partyId())) {
                    continue;
                }
                String st = l.disputed() ? "DISPUTED" : l.status() == LineStatus.RESERVED ? "VIOLATION" : "STATUTORY";
                long[] f = counted.computeIfAbsent(e.usage().platformId() + "|" + e.workId() + "|" + l.societyId() + "|" + st, k -> new long[3]);
                f[0]++;
                f[1] += e.usage().units();
                f[2] += e.usage().units() * l.shareBasisPoints() / 10_000;
                if (l.disputed()) {
                    held = held.add(amount(e, l));
                } else {
                    owed = owed.add(amount(e, l));
                }
            }
        }

        Map<String, String> expected = asText(counted);

        // open period: usage, nothing owed yet
        BearerKeys.NewKey mine = BearerKeys.PARTY.generate();
        BearerKeys.NewKey theirs = BearerKeys.PARTY.generate();
        BearerKeys.NewKey auditor = BearerKeys.AUDITOR.generate();
        BearerKeys.NewKey elsewhere = BearerKeys.AUDITOR.generate();
        CredentialV1 myKey = credential(mine, CredentialV1.PARTY, pa, List.of(), List.of());
        publishCredentials(myKey, credential(theirs, CredentialV1.PARTY, pb, List.of(), List.of()),
                credential(auditor, CredentialV1.AUDITOR, "audit-" + tag, List.of("plat-a"), List.of(PERIOD)),
                credential(elsewhere, CredentialV1.AUDITOR, "elsewhere-" + tag, List.of("plat-z"), List.of(PERIOD)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(mine.token(), pa) == 200);
        JsonPath open = as(mine.token()).get("/v1/parties/{id}/usage", pa).then().statusCode(200).extract().jsonPath();
        assertEquals(expected, figures(open), "the open period's usage, as the events make it");
        assertEquals(List.of(), open.getList("statementLines"));

        operator().post("/v1/periods/" + PERIOD + "/close").then().statusCode(200);

        JsonPath v = as(mine.token()).queryParam("period", PERIOD).get("/v1/parties/{id}/usage", pa).then().statusCode(200).extract().jsonPath();
        assertEquals(pa, v.getString("partyId"));
        assertEquals(expected, figures(v));
        for (Map<String, Object> u : v.<Map<String, Object>>getList("usage")) {
            assertEquals(PERIOD, u.get("periodId"));
            assertEquals("model-x", u.get("modelId"));
            assertEquals("1", u.get("modelVersion"));
            assertFalse(((String) u.get("reason")).isBlank());
        }
        assertEquals(0, owed.compareTo(new BigDecimal(v.getString("totals.find { it.currency == 'KRW' }.owed"))), v.prettify());
        assertEquals(0, held.compareTo(new BigDecimal(v.getString("totals.find { it.currency == 'KRW' }.held"))), v.prettify());
        assertTrue(v.getList("statementLines.statementKind").containsAll(List.of("SOCIETY", "PARTY")), v.prettify());
        assertFalse(v.prettify().contains(pb), "nothing of the other party");
        assertFalse(v.prettify().contains("w-b1"), "nothing of the other party's work");

        // the operator reads it; the party's society reads its member's lines; an auditor its scope only, audit-logged
        JsonPath op = operator().get("/v1/parties/{id}/usage", pa).then().statusCode(200).extract().jsonPath();
        assertEquals(expected, figures(op));
        JsonPath soc = as("society-alpha-key").get("/v1/parties/{id}/usage", pa).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("s-alpha"), soc.getList("usage.societyId").stream().distinct().toList());
        assertFalse(soc.getList("statementLines.statementKind").contains("PARTY"), "the society does not read the party's own statement");
        JsonPath aud = as(auditor.token()).get("/v1/parties/{id}/usage", pa).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("plat-a"), aud.getList("usage.platformId").stream().distinct().toList());
        assertEquals(List.of("plat-a"), aud.getList("statementLines.platformId").stream().distinct().toList());
        assertEquals(1, SettlementApi.count(db, "SELECT count(*) FROM admin_audit WHERE action = 'READ_PARTY_USAGE' AND subject = ?"
                + " AND actor_name = ?", "party/" + pa, "audit-" + tag));

        // every cross-read is the one 404 body a guessed id gets: nothing tells whether the party exists
        String guessed = "P-GUESS-" + tag;
        String reference = notFoundBody(mine.token(), guessed);
        List<String> crossReads = List.of(
                notFoundBody(mine.token(), pb),                  // another party
                notFoundBody(theirs.token(), pa),                // the other party, the other way
                notFoundBody("society-beta-key", pa),            // another society
                notFoundBody("society-alpha-key", pb),           // a society, not the party's
                notFoundBody("society-alpha-key", guessed),
                notFoundBody("platform-a-key", pa),              // a platform, even one that used the works
                notFoundBody(elsewhere.token(), pa),             // an auditor out of scope
                notFoundBody("test-auditor-key", pa),            // a configured auditor key has no scope
                notFoundBody("party-direct-key", pa),
                notFoundBody(SettlementApi.OPERATOR, guessed));
        for (String body : crossReads) {
            assertEquals(reference, body);
        }
        assertFalse(reference.contains(guessed) || reference.contains(pa) || reference.contains(pb), reference);
        assertEquals(200, status(theirs.token(), pb));

        // the scoped auditor on the statements: the platform statement in scope, nothing else; a configured key reads all
        as(auditor.token()).get("/v1/statements/" + PERIOD + "/platform/plat-a").then().statusCode(200);
        String outOfScope = as(auditor.token()).get("/v1/statements/" + PERIOD + "/platform/plat-b").then().statusCode(404).extract().asString();
        String nothing = as(auditor.token()).get("/v1/statements/" + PERIOD + "/platform/plat-nothing").then().statusCode(404).extract().asString();
        assertEquals(nothing.replace("plat-nothing", "X"), outOfScope.replace("plat-b", "X"));
        as(auditor.token()).get("/v1/statements/" + PERIOD + "/society/s-alpha").then().statusCode(404);
        assertEquals(List.of(PERIOD + "/platform/plat-a"),
                as(auditor.token()).queryParam("period", PERIOD).get("/v1/statements").then().statusCode(200).extract().jsonPath()
                        .getList("statementId"));
        as(elsewhere.token()).get("/v1/statements/" + PERIOD + "/platform/plat-a").then().statusCode(404);
        for (String id : List.of("platform/plat-a", "platform/plat-b", "society/s-alpha", "society/s-beta")) {
            as("test-auditor-key").get("/v1/statements/" + PERIOD + "/" + id).then().statusCode(200);
        }

        // a forged secret is no key; a revoked key is refused once the revocation arrives, and a replay does not revive it
        String forged = mine.token().substring(0, 21) + BearerKeys.PARTY.generate().token().substring(21);
        assertEquals(401, status(forged, pa));
        publishCredentials(myKey.revoke());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(mine.token(), pa) == 401);
        String revoked = as(mine.token()).get("/v1/parties/{id}/usage", pa).then().statusCode(401).extract().asString();
        assertFalse(revoked.contains(pa), revoked);
        publishCredentials(myKey);
        Thread.sleep(1500);
        assertEquals(401, status(mine.token(), pa));
        given().get("/v1/parties/{id}/usage", pa).then().statusCode(401);
    }

    /** The response's usage as (platform|work|society|status) to [events, units, attributed units]. */
    private static Map<String, String> figures(JsonPath v) {
        Map<String, long[]> out = new TreeMap<>();
        for (Map<String, Object> u : v.<Map<String, Object>>getList("usage")) {
            long[] f = out.computeIfAbsent(u.get("platformId") + "|" + u.get("workId") + "|" + u.get("societyId") + "|" + u.get("licenceStatus"),
                    k -> new long[3]);
            f[0] += ((Number) u.get("events")).longValue();
            f[1] += ((Number) u.get("units")).longValue();
            f[2] += new BigDecimal((String) u.get("attributedUnits")).longValueExact();
        }
        return asText(out);
    }

    private static Map<String, String> asText(Map<String, long[]> figures) {
        Map<String, String> out = new TreeMap<>();
        figures.forEach((k, f) -> out.put(k, java.util.Arrays.toString(f)));
        return out;
    }
}
