package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.fairshare.settlement.it.SettlementApi.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A small hand-computed scenario through the whole service: periods 2025-01 and 2025-02 (Seoul),
 * platform plat-a, societies s-alpha and s-beta. Tariff t-lic: KRW 1.5 per 1,000 pre-training tokens;
 * statutory: KRW 2 per 1,000 units, reserved penalty x3.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloseFlowTest {
    static final String ALPHA = "2025-01/society/s-alpha";
    static final String BETA = "2025-01/society/s-beta";
    static final String PLATFORM = "2025-01/platform/plat-a";

    @Inject
    AgroalDataSource db;

    static String alphaSha;

    @Test
    @Order(1)
    void anInvalidTariffIsRefusedWithEveryFieldError() {
        operator().contentType("application/json")
                .body(Map.of("currency", "KRW", "unitRates", List.of(Map.of("usageType", "pre-training", "unitKind", "tokens",
                        "amount", "-1", "per", 3))))
                .put("/v1/tariffs/t-bad").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("unitRates[0].amount"))
                .body("errors.field", hasItem("unitRates[0].per"));
        as("society-alpha-key").contentType("application/json").body(Map.of("currency", "KRW"))
                .put("/v1/tariffs/t-x").then().statusCode(403);
    }

    @Test
    @Order(2)
    void tariffsAreImmutablePerId() {
        Map<String, Object> lic = Map.of("currency", "KRW", "unitRates",
                List.of(Map.of("usageType", "pre-training", "unitKind", "tokens", "amount", "1.5", "per", 1000)));
        operator().contentType("application/json").body(lic).put("/v1/tariffs/t-lic").then().statusCode(201);
        operator().contentType("application/json").body(lic).put("/v1/tariffs/t-lic").then().statusCode(200);
        operator().contentType("application/json").body(Map.of("currency", "KRW", "unitRates",
                        List.of(Map.of("usageType", "pre-training", "unitKind", "tokens", "amount", "9", "per", 1000))))
                .put("/v1/tariffs/t-lic").then().statusCode(409);
        as("platform-a-key").get("/v1/tariffs/t-lic").then().statusCode(200).body("unitRates[0].per", equalTo(1000));
        operator().contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then().statusCode(200);
    }

    @Test
    @Order(3)
    void closingAPeriodIssuesExactStatementsThatTieOut() throws Exception {
        publish(List.of(
                // 10,000 tokens: s-alpha 60% licensed (6,000 x 1.5/1000 = 9), s-beta 40% unlicensed (4,000 x 2/1000 = 8)
                event("plat-a", "e-1", "2025-01-15T00:00:00Z", 10_000, "w-1",
                        line("p-1", "s-alpha", 6000, LineStatus.LICENSED, "t-lic"), line("p-2", "s-beta", 4000, LineStatus.UNLICENSED, null)),
                // 5,000 tokens reserved: statutory 2/1000 x 3 = 30
                event("plat-a", "e-2", "2025-01-16T00:00:00Z", 5_000, "w-2", line("p-3", "s-alpha", 10000, LineStatus.RESERVED, null)),
                // 1,000 tokens: s-alpha 70% licensed (1.05, same line as e-1's: 10.05), 30% unclaimed (300 x 2/1000 = 0.6)
                event("plat-a", "e-3", "2025-01-17T00:00:00Z", 1_000, "w-1",
                        line("p-1", "s-alpha", 7000, LineStatus.LICENSED, "t-lic"), line(null, null, 3000, LineStatus.UNCLAIMED, null)),
                // a duplicate of e-1 (redelivered or resubmitted): counted once
                event("plat-a", "e-1", "2025-01-15T00:00:00Z", 10_000, "w-1",
                        line("p-1", "s-alpha", 6000, LineStatus.LICENSED, "t-lic"), line("p-2", "s-beta", 4000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitConsumed();
        assertEquals(3, SettlementApi.count(db, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-a' AND usage_period = '2025-01'"));

        Response close = operator().post("/v1/periods/2025-01/close");
        close.then().statusCode(200).body("state", equalTo("CLOSED"));
        Map<String, Long> totals = close.jsonPath().getList("statements", Map.class).stream()
                .collect(Collectors.toMap(m -> (String) m.get("statementId"), m -> ((Number) m.get("totalMinor")).longValue()));
        // s-alpha: 10.05 + 30 = 40.05, rounded half-up to 40; s-beta 8; platform: 40 + 8 owed + 1 unclaimed (0.6 rounded) = 49
        assertEquals(Map.of(ALPHA, 40L, BETA, 8L, PLATFORM, 49L), totals);

        JsonNode alpha = SettlementApi.JSON.readTree(operator().get("/v1/statements/" + ALPHA).asByteArray());
        assertEquals("10", alpha.at("/lines/0/amount").asText());
        assertEquals("LICENSED", alpha.at("/lines/0/status").asText());
        assertEquals("30", alpha.at("/violations/0/amount").asText());
        JsonNode platform = SettlementApi.JSON.readTree(operator().get("/v1/statements/" + PLATFORM).asByteArray());
        assertEquals("1", platform.at("/unclaimed/0/amount").asText());
        // one model made all of it: e-1's 2 lines (10,000 tokens each), e-2's 1 (5,000), e-3's 2 (1,000 each), the whole 49
        assertEquals(1, platform.at("/byModel").size());
        assertEquals("model-x", platform.at("/byModel/0/modelId").asText());
        assertEquals("1", platform.at("/byModel/0/modelVersion").asText());
        assertEquals(5, platform.at("/byModel/0/events").asLong());
        assertEquals(27_000, platform.at("/byModel/0/units").asLong());
        assertEquals("49", platform.at("/byModel/0/amount").asText());

        byte[] bytes = operator().get("/v1/statements/" + ALPHA).then().statusCode(200).extract().asByteArray();
        alphaSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(alphaSha, close.jsonPath().getString("statements.find { it.statementId == '" + ALPHA + "' }.sha256"));
    }

    @Test
    @Order(4)
    void closingAgainAnswersTheSameStatementsByteForByte() throws Exception {
        byte[] before = operator().get("/v1/statements/" + ALPHA).asByteArray();
        operator().post("/v1/periods/2025-01/close").then().statusCode(200)
                .body("statements.find { it.statementId == '" + ALPHA + "' }.sha256", equalTo(alphaSha));
        assertArrayEquals(before, operator().get("/v1/statements/" + ALPHA).asByteArray());
    }

    @Test
    @Order(5)
    void theIssuedStatementsAreAnnouncedOnceWithAmountsThatSumToTheirTotals() throws Exception {
        Set<String> ids = Set.of(ALPHA, BETA, PLATFORM);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                TopicReader.readAll(Topics.STATEMENTS_ISSUED).stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids));
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(Topics.STATEMENTS_ISSUED).stream()
                .filter(r -> ids.contains(r.key())).toList();
        assertEquals(3, records.size(), "each statement once");
        for (ConsumerRecord<String, String> r : records) {
            JsonNode a = SettlementApi.JSON.readTree(r.value());
            long sum = 0;
            for (JsonNode x : a.get("amounts")) {
                if (a.get("kind").asText().equals("PLATFORM") || !x.get("category").asText().equals("DISPUTED")) {
                    sum += x.get("amountMinor").asLong();
                }
            }
            assertEquals(a.get("totalMinor").asLong(), sum, r.key());
        }
        JsonNode platform = SettlementApi.JSON.readTree(records.stream().filter(r -> r.key().equals(PLATFORM)).findFirst().orElseThrow().value());
        assertEquals("[{\"platformId\":\"plat-a\",\"category\":\"UNCLAIMED\",\"amountMinor\":1},"
                        + "{\"platformId\":\"plat-a\",\"societyId\":\"s-alpha\",\"category\":\"LICENSED\",\"amountMinor\":10},"
                        + "{\"platformId\":\"plat-a\",\"societyId\":\"s-alpha\",\"category\":\"RESERVED_PENALTY\",\"amountMinor\":30},"
                        + "{\"platformId\":\"plat-a\",\"societyId\":\"s-beta\",\"category\":\"UNLICENSED\",\"amountMinor\":8}]",
                platform.get("amounts").toString());
    }

    @Test
    @Order(6)
    void lateUsageBecomesAnAdjustmentOnTheNextStatementAndTheIssuedOneStaysTheSame() throws Exception {
        publish(List.of(
                // late: used in January (closed), 2,000 tokens licensed to s-alpha = 3
                event("plat-a", "e-4", "2025-01-20T00:00:00Z", 2_000, "w-3", line("p-1", "s-alpha", 10000, LineStatus.LICENSED, "t-lic")),
                // regular February usage: 1,000 tokens = 1.5
                event("plat-a", "e-5", "2025-02-10T00:00:00Z", 1_000, "w-1", line("p-1", "s-alpha", 10000, LineStatus.LICENSED, "t-lic"))));
        SettlementApi.awaitConsumed();
        assertEquals(1, SettlementApi.count(db,
                "SELECT count(*) FROM usage_line WHERE event_id = 'e-4' AND usage_period = '2025-01' AND settle_period = '2025-02'"));

        Response close = operator().post("/v1/periods/2025-02/close");
        close.then().statusCode(200);
        // 1.5 + 3 = 4.5, half-up 5: the regular line 2 (its .5 is the largest leftover), the adjustment 3
        assertEquals(5L, close.jsonPath().getLong("statements.find { it.statementId == '2025-02/society/s-alpha' }.totalMinor"));
        assertEquals(List.of("2025-01"), close.jsonPath().getList("statements.find { it.statementId == '2025-02/society/s-alpha' }.adjustsPeriods"));
        JsonNode feb = SettlementApi.JSON.readTree(operator().get("/v1/statements/2025-02/society/s-alpha").asByteArray());
        assertEquals("2025-01", feb.at("/adjustments/0/correctsPeriod").asText());
        assertEquals("3", feb.at("/adjustments/0/amount").asText());
        assertEquals("2", feb.at("/lines/0/amount").asText());
        operator().get("/v1/statements/" + ALPHA).then().header("X-Statement-Sha256", alphaSha);
    }

    @Test
    @Order(7)
    void theDatabaseRefusesToChangeAnIssuedStatement() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE statement SET total_minor = 0 WHERE statement_id = '" + ALPHA + "'"));
            assertTrue(update.getMessage().contains("immutable"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM statement WHERE statement_id = '" + ALPHA + "'"));
        }
        operator().get("/v1/statements/" + ALPHA).then().header("X-Statement-Sha256", alphaSha);
    }

    @Test
    @Order(8)
    void eachKeySeesOnlyItsOwnStatements() {
        as("society-beta-key").get("/v1/statements/" + ALPHA).then().statusCode(404);
        as("society-alpha-key").get("/v1/statements/" + ALPHA).then().statusCode(200).header("X-Statement-Sha256", alphaSha);
        as("society-alpha-key").queryParam("period", "2025-01").get("/v1/statements").then().statusCode(200)
                .body("statementId", equalTo(List.of(ALPHA)));
        as("platform-a-key").queryParam("period", "2025-01").get("/v1/statements").then().statusCode(200)
                .body("statementId", equalTo(List.of(PLATFORM)));
        as("platform-a-key").get("/v1/statements/" + BETA).then().statusCode(404);
        as("no-such-key").get("/v1/statements/" + ALPHA).then().statusCode(401);
        operator().queryParam("period", "2025-01").get("/v1/statements").then().statusCode(200)
                .body("statementId", equalTo(List.of(PLATFORM, ALPHA, BETA)));
        as("society-alpha-key").post("/v1/periods/2025-03/close").then().statusCode(403);
    }

    @Test
    @Order(9)
    void statementsExportAsCsvAndDsrStyleFiles() {
        String csv = as("society-alpha-key").header("Accept", "text/csv").get("/v1/statements/" + ALPHA).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("statement_id,period,section,"), csv);
        assertTrue(csv.contains("\r\n" + ALPHA + ",2025-01,VIOLATION,"), csv);
        String dsr = as("society-alpha-key").queryParam("format", "dsr").get("/v1/statements/" + ALPHA).then().statusCode(200)
                .extract().asString();
        assertTrue(dsr.startsWith("#HEAD") || dsr.contains("HEAD\tfairshare-dsr-style/1.0"), dsr);
        assertTrue(dsr.contains(alphaSha), "the DSR-style file names the statement's SHA-256");
        operator().queryParam("format", "dsr").get("/v1/statements/" + PLATFORM).then().statusCode(400);
    }

    @Test
    @Order(10)
    void aPeriodThatHasNotEndedCannotClose() {
        operator().post("/v1/periods/2099-01/close").then().statusCode(409);
        operator().post("/v1/periods/not-a-period/close").then().statusCode(404);
    }

    @Test
    @Order(11)
    void aCloseThatStoppedHalfWayCanBeRunAgain() throws Exception {
        publish(List.of(event("plat-a", "e-6", "2025-03-10T00:00:00Z", 1_000, "w-1",
                line("p-1", "s-alpha", 10000, LineStatus.LICENSED, "t-lic"))));
        SettlementApi.awaitConsumed();
        // the close began (CLOSING committed) and the instance died before its statements were stored
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO period (period_id, state, close_started_at) VALUES ('2025-03', 'CLOSING', now())");
        }
        operator().get("/v1/periods/2025-03").then().statusCode(200).body("state", equalTo("CLOSING"));
        publish(List.of(event("plat-a", "e-7", "2025-03-11T00:00:00Z", 1_000, "w-1",
                line("p-1", "s-alpha", 10000, LineStatus.LICENSED, "t-lic"))));
        SettlementApi.awaitConsumed();
        // usage of a closing period is late: it waits for the next close
        assertEquals(1, SettlementApi.count(db, "SELECT count(*) FROM usage_line WHERE event_id = 'e-7' AND settle_period = '2025-04'"));
        // e-6 only: 1.5, half-up 2
        operator().post("/v1/periods/2025-03/close").then().statusCode(200).body("state", equalTo("CLOSED"))
                .body("statements.find { it.statementId == '2025-03/society/s-alpha' }.totalMinor", equalTo(2));
        operator().get("/v1/periods/2025-03").then().body("state", equalTo("CLOSED"));
    }

    @Test
    @Order(12)
    void closesStatementsAndUsageAreCountedForTheDashboard() {
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        // closed: 2025-01, 2025-02 and 2025-03 (a repeated close of a closed period is not counted again)
        assertEquals(3.0, metric(metrics, "fairshare_settlement_period_closes_total{outcome=\"closed\"}"), metrics);
        assertTrue(metric(metrics, "fairshare_settlement_period_closes_total{outcome=\"refused\"}") >= 1, "2099-01 has not ended");
        assertTrue(metric(metrics, "fairshare_settlement_statements_total{kind=\"SOCIETY\"}") >= 3);
        assertTrue(metric(metrics, "fairshare_settlement_statements_total{kind=\"PLATFORM\"}") >= 3);
        assertTrue(metric(metrics, "fairshare_settlement_usage_total{outcome=\"received\"}") >= 7);
    }

    @Test
    @Order(13)
    void everyCloseAppendsItsLinesToTheSignedStatementLog() throws Exception {
        TransparencyChecks.eachClosedPeriodHasASignedHeadThatNamesThePreviousOne();
        TransparencyChecks.consistencyProofsShowThatEarlierPeriodsWereNotChanged();
        TransparencyChecks.aLinesInclusionProofLeadsToItsPeriodsRoot(ALPHA);
        TransparencyChecks.aVerifiableExportVerifiesAndATamperedOneFailsNamingTheLine(ALPHA, BETA);
        TransparencyChecks.eachHeadsRootIsTheRootOfEveryLeafBeforeItAndItsRightEdgeIsKept(db);
        TransparencyChecks.theDatabaseRefusesToChangeTheLog(db);
    }

    private static double metric(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                // An OpenMetrics exemplar (" # {trace_id=...} ...", written while tracing is on) follows the value.
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).split(" # ", 2)[0].trim()))
                .orElseThrow(() -> new AssertionError(series + " is not exposed"));
    }
}
