package io.fairshare.settlement.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.testsupport.TestServers;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

/** What the settlement tests share: callers, a resolved-usage producer, and waits on the ledger. */
final class SettlementApi {
    static final String OPERATOR = "test-operator-token";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private SettlementApi() {
    }

    /** A test profile whose resolved-usage consumer reads a topic of its own, so that a test's periods stay its own. */
    abstract static class OwnUsageTopic implements io.quarkus.test.junit.QuarkusTestProfile {
        private final String topic;
        private final String group;

        OwnUsageTopic(String topic, String group) {
            this.topic = topic;
            this.group = group;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.usage-resolved-in.topic", topic,
                    "mp.messaging.incoming.usage-resolved-in.group.id", group,
                    "mp.messaging.incoming.usage-resolved-in.metadata.max.age.ms", "1000");
        }
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    static RequestSpecification operator() {
        return as(OPERATOR);
    }

    static UsageResolvedV1 event(String platformId, String eventId, String usedAt, long tokens, String workId, ResolvedLineV1... lines) {
        UsageAcceptedV1 u = new UsageAcceptedV1(platformId, eventId, "model-x", "1", UsageType.PRE_TRAINING,
                new WorkRef(List.of(new WorkId(IdScheme.ISBN, "9780306406157")), null), tokens, UnitKind.TOKENS, Instant.parse(usedAt),
                "KR", null, null, Instant.parse(usedAt));
        return new UsageResolvedV1(u, workId, "book", new WorkId(IdScheme.ISBN, "9780306406157"), false, List.of(lines), Instant.now());
    }

    static ResolvedLineV1 line(String partyId, String societyId, int bp, LineStatus status, String tariffId) {
        return new ResolvedLineV1(partyId, societyId, bp, status, tariffId == null ? null : "lic-" + tariffId, tariffId, false);
    }

    /** Publishes the events as rights-registry does (JSON, key platformId/eventId) and waits for the broker's acknowledgements. */
    static void publish(List<UsageResolvedV1> events) throws Exception {
        publish(Topics.USAGE_RESOLVED, events, java.util.Collections.nCopies(events.size(), null));
    }

    /** {@link #publish(List)}, each record with the {@code traceparent} header at its index (null: none). */
    static void publish(List<UsageResolvedV1> events, List<String> traceparents) throws Exception {
        publish(Topics.USAGE_RESOLVED, events, traceparents);
    }

    /** The same, to another topic (a test profile that reads its own). */
    static void publish(String topic, List<UsageResolvedV1> events) throws Exception {
        publish(topic, events, java.util.Collections.nCopies(events.size(), null));
    }

    static void publish(String topic, List<UsageResolvedV1> events, List<String> traceparents) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events.size(); i++) {
                UsageResolvedV1 e = events.get(i);
                ProducerRecord<String, String> r = new ProducerRecord<>(topic,
                        UsageKeys.key(e.usage().platformId(), e.usage().eventId()), JSON.writeValueAsString(e));
                if (traceparents.get(i) != null) {
                    r.headers().add("traceparent", traceparents.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                producer.send(r).get();
            }
        }
    }

    /** Waits until the ledger's consumer group has committed every record now on the resolved topic. */
    static void awaitConsumed() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (var partition : admin.describeTopics(List.of(Topics.USAGE_RESOLVED)).allTopicNames().get()
                        .get(Topics.USAGE_RESOLVED).partitions()) {
                    latest.put(new TopicPartition(Topics.USAGE_RESOLVED, partition.partition()), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("settlement-ledger")
                        .partitionsToOffsetAndMetadata().get();
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

    static long count(AgroalDataSource ds, String sql, Object... args) throws Exception {
        return io.fairshare.testsupport.SqlCounts.count(ds, sql, args);
    }

    static void awaitCount(AgroalDataSource ds, long expected, String sql, Object... args) throws Exception {
        io.fairshare.testsupport.SqlCounts.awaitCount(ds, expected, sql, args);
    }

    /** The statutory scheme of the tests: KRW 2 per 1,000 units of every kind and use, penalty x3. */
    static Map<String, Object> statutoryScheme() {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (UsageType t : UsageType.values()) {
            for (UnitKind k : UnitKind.values()) {
                rates.add(Map.of("usageType", t.wireName(), "unitKind", k.wireName(), "amount", "2", "per", 1000));
            }
        }
        return Map.of("tariff", Map.of("id", "statutory-test", "currency", "KRW", "unitRates", rates), "reservedPenaltyMultiplier", "3");
    }
}
