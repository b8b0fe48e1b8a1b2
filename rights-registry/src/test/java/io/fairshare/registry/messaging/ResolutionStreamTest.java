package io.fairshare.registry.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.CatalogueState;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.fairshare.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The resolution stream against the real broker and database: accepted usage in, resolved and unmatched usage out,
 * unmatched usage held, and back-claimed once when its work is registered.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class ResolutionStreamTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    /** A run-unique stem for ISBNs, platforms and event ids (the broker and database live as long as the JVM). */
    static final long RUN = System.currentTimeMillis() % 100_000;
    static final AtomicLong SEQ = new AtomicLong();

    @Inject
    CatalogueService catalogue;
    @Inject
    CatalogueState state;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLicensedWorkWithTwoSharesResolvesToOneLinePerHolder() throws Exception {
        String platform = "stream-" + RUN + "-" + SEQ.incrementAndGet();
        WorkId isbn = newIsbn();
        SocietyId society = new SocietyId("KOSA-" + RUN);
        PartyId author = new PartyId("ref:test:author-" + RUN);
        PartyId translator = new PartyId("ref:test:translator-" + RUN);
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(
                new CatalogueChange.UpsertSociety(new Society(society, "Writers' Association")),
                new CatalogueChange.UpsertWork(Work.of(List.of(isbn), "A Book", Category.BOOK)),
                new CatalogueChange.UpsertParty(new Party(author, "Author", null, null)),
                new CatalogueChange.UpsertParty(new Party(translator, "Translator", null, null)),
                new CatalogueChange.UpsertShare(new Share(isbn, author, RightType.TRAINING, Territory.WORLD, 7000, null, null)),
                new CatalogueChange.UpsertShare(new Share(isbn, translator, RightType.TRAINING, Territory.WORLD, 3000, null, null)),
                new CatalogueChange.UpsertMandate(new Mandate(author, society, RightType.TRAINING, Territory.WORLD, null, null)),
                new CatalogueChange.UpsertLicence(new Licence(new PlatformId(platform), society, null, null, new TariffId("t-books")))));
        await().atMost(WAIT).until(() -> state.index().shares(isbn).size() == 2
                && !state.index().licences(new PlatformId(platform), society).isEmpty());

        UsageAcceptedV1 usage = usage(platform, "e-1", isbn);
        publish(usage);

        JsonNode resolved = awaitOne(Topics.USAGE_RESOLVED, key(usage));
        assertEquals(false, resolved.get("backClaim").asBoolean());
        assertEquals(isbn.key(), resolved.get("workId").asText());
        assertEquals("book", resolved.get("workCategory").asText());
        assertEquals("isbn", resolved.get("matchedBy").get("scheme").asText());
        assertEquals(isbn.value(), resolved.get("matchedBy").get("value").asText());
        assertEquals("e-1", resolved.get("usage").get("eventId").asText());
        assertEquals(mapper.readTree("""
                [{"partyId":"%s","societyId":"%s","shareBasisPoints":7000,"status":"LICENSED","licenceId":"licence|%s|%s|",
                  "tariffId":"t-books","disputed":false},
                 {"partyId":"%s","shareBasisPoints":3000,"status":"UNLICENSED","disputed":false}]"""
                .formatted(author.value(), society.value(), platform, society.value(), translator.value())), resolved.get("lines"));
        assertTrue(records(Topics.USAGE_UNMATCHED, key(usage)).isEmpty());
        ConsumerRecord<String, String> record = records(Topics.USAGE_RESOLVED, key(usage)).get(0);
        assertEquals("e-1", header(record, "ce_id"));
        assertEquals("/platforms/" + platform, header(record, "ce_source"));
        assertEquals("io.fairshare.usage.resolved.v1", header(record, "ce_type"));
    }

    @Test
    void unknownWorkIsHeldThenBackClaimedOnceWhenTheWorkIsRegistered() throws Exception {
        String platform = "stream-" + RUN + "-" + SEQ.incrementAndGet();
        WorkId isbn = newIsbn();
        UsageAcceptedV1 usage = usage(platform, "e-unknown", isbn);
        publish(usage);

        JsonNode unmatched = awaitOne(Topics.USAGE_UNMATCHED, key(usage));
        assertEquals("UNKNOWN_WORK: no work in the catalogue carries " + isbn.key(), unmatched.get("reason").asText());
        assertEquals("e-unknown", unmatched.get("usage").get("eventId").asText());
        assertEquals("io.fairshare.usage.unmatched.v1", header(records(Topics.USAGE_UNMATCHED, key(usage)).get(0), "ce_type"));
        await().atMost(WAIT).until(() -> heldRow(platform, "e-unknown") != null);
        Map<String, Object> held = heldRow(platform, "e-unknown");
        assertEquals("{" + isbn.key() + "}", held.get("identifiers"));
        assertNull(held.get("back_claimed_at"));
        assertTrue(records(Topics.USAGE_RESOLVED, key(usage)).isEmpty());

        PartyId holder = new PartyId("ref:test:holder-" + RUN + "-" + SEQ.incrementAndGet());
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(
                new CatalogueChange.UpsertWork(Work.of(List.of(isbn), "Found Later", Category.NEWS_ARTICLE)),
                new CatalogueChange.UpsertParty(new Party(holder, "Publisher", null, null)),
                new CatalogueChange.UpsertShare(new Share(isbn, holder, RightType.TRAINING, Territory.WORLD, 10_000, null, null))));

        JsonNode backClaim = awaitOne(Topics.USAGE_RESOLVED, key(usage));
        assertEquals(true, backClaim.get("backClaim").asBoolean());
        assertEquals(isbn.key(), backClaim.get("workId").asText());
        assertEquals(mapper.readTree("""
                [{"partyId":"%s","shareBasisPoints":10000,"status":"UNLICENSED","disputed":false}]""".formatted(holder.value())),
                backClaim.get("lines"));
        assertNotNull(heldRow(platform, "e-unknown").get("back_claimed_at"));

        // A later change to the same work does not publish it again. To know the back-claimer has seen that change,
        // a second held event's work is registered after it: once that back-claim is out, the first change was handled.
        PartyId second = new PartyId("ref:test:second-" + RUN + "-" + SEQ.incrementAndGet());
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(
                new CatalogueChange.UpsertParty(new Party(second, "Second Publisher", null, null)),
                new CatalogueChange.UpsertShare(new Share(isbn, second, RightType.TRAINING, Territory.WORLD, 5000, null, null))));
        WorkId laterIsbn = newIsbn();
        UsageAcceptedV1 marker = usage(platform, "e-marker", laterIsbn);
        publish(marker);
        awaitOne(Topics.USAGE_UNMATCHED, key(marker));
        await().atMost(WAIT).until(() -> heldRow(platform, "e-marker") != null);
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(
                new CatalogueChange.UpsertWork(Work.of(List.of(laterIsbn), "Marker", Category.BOOK))));
        awaitOne(Topics.USAGE_RESOLVED, key(marker));

        assertEquals(1, records(Topics.USAGE_RESOLVED, key(usage)).size(), "the back-claim is published once");
    }

    /**
     * What ingest does after a crash between publishing and confirming: the retry publishes the same event
     * again (same key, same event id, a later acceptedAt). The registry holds it once and back-claims it once.
     */
    @Test
    void anUnknownWorkPublishedTwiceIsHeldOnceAndBackClaimedOnce() throws Exception {
        String platform = "stream-" + RUN + "-" + SEQ.incrementAndGet();
        WorkId isbn = newIsbn();
        UsageAcceptedV1 usage = usage(platform, "e-twice", isbn);
        UsageAcceptedV1 copy = new UsageAcceptedV1(usage.platformId(), usage.eventId(), usage.modelId(), usage.modelVersion(),
                usage.usageType(), usage.work(), usage.units(), usage.unitKind(), usage.usedAt(), usage.territory(),
                usage.datasetId(), usage.attributionWeight(), usage.acceptedAt().plusSeconds(30));
        publish(usage);
        publish(copy);
        await().atMost(WAIT).until(() -> records(Topics.USAGE_UNMATCHED, key(usage)).size() == 2);
        assertEquals(1, heldRows(platform, "e-twice"), "held once");

        PartyId holder = new PartyId("ref:test:twice-" + RUN + "-" + SEQ.incrementAndGet());
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(
                new CatalogueChange.UpsertWork(Work.of(List.of(isbn), "Published Twice", Category.BOOK)),
                new CatalogueChange.UpsertParty(new Party(holder, "Author", null, null)),
                new CatalogueChange.UpsertShare(new Share(isbn, holder, RightType.TRAINING, Territory.WORLD, 10_000, null, null))));
        JsonNode backClaim = awaitOne(Topics.USAGE_RESOLVED, key(usage));
        assertEquals(true, backClaim.get("backClaim").asBoolean());
        await().atMost(WAIT).until(() -> heldRow(platform, "e-twice").get("back_claimed_at") != null);

        // A marker event registered after: once its back-claim is out, the first one's work is done.
        WorkId laterIsbn = newIsbn();
        UsageAcceptedV1 marker = usage(platform, "e-twice-marker", laterIsbn);
        publish(marker);
        await().atMost(WAIT).until(() -> heldRow(platform, "e-twice-marker") != null);
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(new CatalogueChange.UpsertWork(Work.of(List.of(laterIsbn), "Marker", Category.BOOK))));
        awaitOne(Topics.USAGE_RESOLVED, key(marker));
        assertEquals(1, records(Topics.USAGE_RESOLVED, key(usage)).size(), "back-claimed once, though it arrived twice");
        assertEquals(1, heldRows(platform, "e-twice"));
    }

    long heldRows(String platform, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM unmatched_usage WHERE platform_id = ? AND event_id = ?")) {
            ps.setString(1, platform);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- helpers

    static WorkId newIsbn() {
        String body = "978" + String.format("%09d", (RUN * 1000 + SEQ.incrementAndGet()) % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return new WorkId(IdScheme.ISBN, body + (10 - sum % 10) % 10);
    }

    static UsageAcceptedV1 usage(String platform, String eventId, WorkId id) {
        return new UsageAcceptedV1(platform, eventId, "model-x", "1", UsageType.PRE_TRAINING, new WorkRef(List.of(id), null), 1200,
                UnitKind.TOKENS, Instant.parse("2026-11-02T09:00:00Z"), "KR", null, null, Instant.parse("2026-11-02T09:00:01Z"));
    }

    static String key(UsageAcceptedV1 u) {
        return UsageKeys.key(u.platformId(), u.eventId());
    }

    void publish(UsageAcceptedV1 usage) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.USAGE_ACCEPTED, key(usage), mapper.writeValueAsString(usage))).get();
        }
    }

    static List<ConsumerRecord<String, String>> records(String topic, String key) {
        return TopicReader.readAll(topic).stream().filter(r -> key.equals(r.key())).collect(Collectors.toList());
    }

    JsonNode awaitOne(String topic, String key) throws Exception {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> !records(topic, key).isEmpty());
        List<ConsumerRecord<String, String>> found = records(topic, key);
        assertEquals(1, found.size(), key + " on " + topic);
        return mapper.readTree(found.get(0).value());
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    Map<String, Object> heldRow(String platform, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT identifiers::text, back_claimed_at FROM unmatched_usage WHERE platform_id = ? AND event_id = ?")) {
            ps.setString(1, platform);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                java.util.HashMap<String, Object> row = new java.util.HashMap<>();
                row.put("identifiers", rs.getString(1));
                row.put("back_claimed_at", rs.getObject(2));
                return row;
            }
        }
    }
}
