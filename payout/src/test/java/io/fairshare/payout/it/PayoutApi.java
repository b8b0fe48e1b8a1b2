package io.fairshare.payout.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.statements.AmountCategory;
import io.fairshare.contracts.statements.StatementAmountV1;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.contracts.statements.StatementKind;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.persistence.PayoutDatabase;
import io.fairshare.testsupport.TestServers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the payout tests share: the operator, a statement producer, waits on the consumer, SQL and the books' invariants. */
final class PayoutApi {
    static final String OPERATOR = "test-operator-token";
    static final String GROUP = "payout-ledger";
    /** Makes ids unique to this JVM, so that tests never meet documents of an earlier run. */
    static final String TAG = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private PayoutApi() {
    }

    static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + OPERATOR);
    }

    static String id(String name) {
        return name + "-" + TAG;
    }

    /**
     * Issues one period's statements as settlement does: the platform's (what it owes per payee, category LICENSED)
     * and one per payee (kind SOCIETY, or PARTY for ids starting with "P-").
     */
    static List<StatementIssuedV1> issue(String periodId, String platformId, Map<String, Long> owed) {
        List<StatementIssuedV1> out = new ArrayList<>();
        List<StatementAmountV1> platformAmounts = new ArrayList<>();
        owed.forEach((payee, amount) -> {
            boolean party = payee.startsWith("P-");
            StatementAmountV1 a = new StatementAmountV1(platformId, party ? null : payee, party ? payee : null, AmountCategory.LICENSED, amount);
            platformAmounts.add(a);
            out.add(new StatementIssuedV1(periodId + "/" + (party ? "party/" : "society/") + payee + "/" + platformId,
                    party ? StatementKind.PARTY : StatementKind.SOCIETY, periodId, party ? null : payee, party ? payee : null, null, "KRW", amount,
                    "0".repeat(64), List.of(), List.of(a), Instant.parse("2026-12-01T00:00:00Z")));
        });
        out.add(0, new StatementIssuedV1(periodId + "/platform/" + platformId, StatementKind.PLATFORM, periodId, null, null, platformId, "KRW",
                owed.values().stream().mapToLong(Long::longValue).sum(), "0".repeat(64), List.of(), platformAmounts,
                Instant.parse("2026-12-01T00:00:00Z")));
        return out;
    }

    /** Publishes the statements (key statementId) and waits until each is stored. */
    static void publishAndAwait(AgroalDataSource db, List<StatementIssuedV1> statements) throws Exception {
        List<String> values = new ArrayList<>();
        for (StatementIssuedV1 s : statements) {
            values.add(JSON.writeValueAsString(s));
        }
        publishRaw(statements.stream().map(StatementIssuedV1::statementId).toList(), values);
        for (StatementIssuedV1 s : statements) {
            awaitCount(db, 1, "SELECT count(*) FROM statement WHERE statement_id = ?", s.statementId());
        }
    }

    static void publishRaw(List<String> keys, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.STATEMENTS_ISSUED, keys.get(i), values.get(i))).get();
            }
        }
    }

    /** Waits until payout's consumer group has committed every record now on the statements topic. */
    static void awaitConsumed() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (var partition : admin.describeTopics(List.of(Topics.STATEMENTS_ISSUED)).allTopicNames().get()
                        .get(Topics.STATEMENTS_ISSUED).partitions()) {
                    latest.put(new TopicPartition(Topics.STATEMENTS_ISSUED, partition.partition()), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                for (var e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    if (e.getValue().offset() > 0 && (c == null || c.offset() < e.getValue().offset())) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    static void registerBankDetails(String payeeId) {
        operator().contentType("application/json")
                .body(Map.of("holderName", "Payee " + payeeId, "country", "KR", "accountNumber", "110-123-456789", "bankCode", "088"))
                .put("/v1/payees/{id}/bank-details", payeeId).then().statusCode(200);
    }

    static JsonPath run(String runId, String valueDate, int expectedStatus) {
        return operator().contentType("application/json").body(Map.of("valueDate", valueDate))
                .put("/v1/payout-runs/{runId}", runId).then().statusCode(expectedStatus).extract().jsonPath();
    }

    /** The run's payments to the given payees, payee id to the payment's JSON map. */
    static Map<String, Map<String, Object>> paymentsTo(JsonPath run, List<String> payees) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<Map<String, Object>> payments = run.getList("payments");
        for (Map<String, Object> p : payments) {
            if (payees.contains((String) p.get("payeeId"))) {
                assertTrue(out.put((String) p.get("payeeId"), p) == null, "one payment per payee in a run: " + p);
            }
        }
        return out;
    }

    static long count(AgroalDataSource ds, String sql, Object... args) throws Exception {
        return io.fairshare.testsupport.SqlCounts.count(ds, sql, args);
    }

    static void awaitCount(AgroalDataSource ds, long expected, String sql, Object... args) throws Exception {
        io.fairshare.testsupport.SqlCounts.awaitCount(ds, expected, sql, args);
    }

    static long payable(AgroalDataSource ds, String payee) throws Exception {
        return count(ds, "SELECT coalesce(sum(balance), 0) FROM account WHERE acc_type = 'PAYABLE' AND owner = ?", payee);
    }

    /** The books' invariants, checked after every scenario: balanced per currency, nothing negative but cash, every figure ties out. */
    static void assertBooksSound(AgroalDataSource ds) throws Exception {
        JsonPath tb = operator().get("/v1/ledger/trial-balance").then().statusCode(200).extract().jsonPath();
        assertEquals(true, tb.getBoolean("balanced"), "trial balance: " + tb.prettify());
        for (Map<String, Object> c : tb.<Map<String, Object>>getList("currencies")) {
            assertEquals(((Number) c.get("debitsMinor")).longValue(), ((Number) c.get("creditsMinor")).longValue(), "debits = credits in " + c);
        }
        assertEquals(0, count(ds, "SELECT count(*) FROM account WHERE balance < 0 AND acc_type <> 'CLEARING'"), "no negative balance but cash");
        new PayoutDatabase(ds).read(tx -> {
            LedgerInvariants.assertHold(tx.book().ledger());
            return null;
        });
        JsonPath rec = operator().get("/v1/reconciliation").then().statusCode(200).extract().jsonPath();
        assertEquals(0, rec.getInt("alarmCount"), "reconciliation alarms: " + rec.getList("alarms"));
    }

    /** The official schema (fails the test when shared/standards/ is missing). */
    static Path schema() {
        return io.fairshare.payout.iso20022.Pain001WriterTest.schema();
    }
}
