package io.fairshare.registry.messaging;

import static io.fairshare.registry.messaging.ResolutionStreamTest.key;
import static io.fairshare.registry.messaging.ResolutionStreamTest.newIsbn;
import static io.fairshare.registry.messaging.ResolutionStreamTest.records;
import static io.fairshare.registry.messaging.ResolutionStreamTest.usage;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.CatalogueState;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.tracing.KafkaTracing;
import io.fairshare.service.tracing.TraceParent;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.RecordedSpans;
import io.fairshare.testsupport.TestServers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The registry's hop of an event's trace: the accepted record's traceparent, the resolve span, the outcome's traceparent. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class ResolutionTracingTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String RESOLVE = "resolve " + Topics.USAGE_ACCEPTED;

    @Inject
    RecordedSpans spans;
    @Inject
    CatalogueService catalogue;
    @Inject
    CatalogueState state;
    @Inject
    ObjectMapper mapper;

    @Test
    void aResolvedRecordContinuesTheTraceOfTheAcceptedRecord() throws Exception {
        String platform = "trace-" + ResolutionStreamTest.RUN + "-" + ResolutionStreamTest.SEQ.incrementAndGet();
        WorkId isbn = newIsbn();
        PartyId author = new PartyId("ref:test:traced-" + ResolutionStreamTest.RUN + "-" + ResolutionStreamTest.SEQ.incrementAndGet());
        catalogue.write(Caller.of(Roles.OPERATOR, "test"), List.of(
                new CatalogueChange.UpsertWork(Work.of(List.of(isbn), "A Traced Book", Category.BOOK)),
                new CatalogueChange.UpsertParty(new Party(author, "Author", null, null)),
                new CatalogueChange.UpsertShare(new Share(isbn, author, RightType.TRAINING, Territory.WORLD, 10000, null, null))));
        await().atMost(WAIT).until(() -> state.index().shares(isbn).size() == 1);

        UsageAcceptedV1 usage = usage(platform, "traced-1", isbn);
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        publish(usage, incoming);

        SpanData resolve = awaitResolveSpan("00f067aa0ba902b7");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", resolve.getTraceId());
        assertTrue(resolve.getParentSpanContext().isRemote());
        assertEquals(SpanKind.CONSUMER, resolve.getKind());
        assertEquals("resolved", resolve.getAttributes().get(AttributeKey.stringKey("fairshare.usage.outcome")));
        assertEquals(Topics.USAGE_ACCEPTED, resolve.getAttributes().get(AttributeKey.stringKey(KafkaTracing.MESSAGING_DESTINATION)));

        ConsumerRecord<String, String> out = awaitRecord(Topics.USAGE_RESOLVED, key(usage));
        TraceParent tp = traceparent(out);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", tp.traceId());
        assertEquals(resolve.getSpanId(), tp.spanId());
        int traceparents = 0;
        for (var h : out.headers().headers(TraceParent.HEADER)) {
            traceparents++;
        }
        assertEquals(1, traceparents, "one traceparent: the connector adds none of its own");
    }

    @Test
    void anUnmatchedRecordCarriesItsResolveSpanToo() throws Exception {
        String platform = "trace-" + ResolutionStreamTest.RUN + "-" + ResolutionStreamTest.SEQ.incrementAndGet();
        UsageAcceptedV1 usage = usage(platform, "traced-unknown", newIsbn());
        publish(usage, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        SpanData resolve = awaitResolveSpan("b7ad6b7169203331");
        assertEquals("0af7651916cd43dd8448eb211c80319c", resolve.getTraceId());
        assertEquals("unmatched", resolve.getAttributes().get(AttributeKey.stringKey("fairshare.usage.outcome")));
        TraceParent tp = traceparent(awaitRecord(Topics.USAGE_UNMATCHED, key(usage)));
        assertEquals("0af7651916cd43dd8448eb211c80319c", tp.traceId());
        assertEquals(resolve.getSpanId(), tp.spanId());
    }

    @Test
    void aRecordWithoutTraceparentStartsATraceOfItsOwn() throws Exception {
        String platform = "trace-" + ResolutionStreamTest.RUN + "-" + ResolutionStreamTest.SEQ.incrementAndGet();
        UsageAcceptedV1 usage = usage(platform, "untraced", newIsbn());
        publish(usage, null);

        TraceParent tp = traceparent(awaitRecord(Topics.USAGE_UNMATCHED, key(usage)));
        SpanData resolve = spans.await(s -> s.getSpanId().equals(tp.spanId()), 1, WAIT).get(0);
        assertEquals(RESOLVE, resolve.getName());
        assertEquals(tp.traceId(), resolve.getTraceId());
        assertFalse(resolve.getParentSpanContext().isValid());
        assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", tp.traceId());
    }

    SpanData awaitResolveSpan(String parentSpanId) {
        List<SpanData> found = spans.await(s -> s.getName().equals(RESOLVE) && s.getParentSpanId().equals(parentSpanId), 1, WAIT);
        assertEquals(1, found.size(), "one resolve span for the record: " + found);
        return found.get(0);
    }

    ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> !records(topic, key).isEmpty());
        List<ConsumerRecord<String, String>> found = records(topic, key);
        assertEquals(1, found.size(), key + " on " + topic);
        return found.get(0);
    }

    static TraceParent traceparent(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader(TraceParent.HEADER);
        assertTrue(h != null, "no traceparent on " + r.key());
        return TraceParent.parse(new String(h.value(), StandardCharsets.US_ASCII)).orElseThrow();
    }

    void publish(UsageAcceptedV1 usage, String traceparent) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(Topics.USAGE_ACCEPTED, key(usage), mapper.writeValueAsString(usage));
            if (traceparent != null) {
                r.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            producer.send(r).get();
        }
    }
}
