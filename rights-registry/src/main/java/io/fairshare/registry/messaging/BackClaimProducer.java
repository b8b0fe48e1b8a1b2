package io.fairshare.registry.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.registry.application.BackClaimPublisher;
import io.fairshare.registry.config.ResolutionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The back-claims' own transactional producer ({@code rights-registry-back-claims-<instance>}): one Kafka transaction
 * per page, so a page is published whole or not at all. Used by {@link io.fairshare.registry.application.BackClaims}
 * from its one worker thread.
 */
@ApplicationScoped
public class BackClaimProducer implements BackClaimPublisher {
    private final ResolutionConfig config;
    private final Map<String, Object> kafka;
    private final ObjectMapper mapper;
    private KafkaProducer<String, byte[]> producer;

    public BackClaimProducer(ResolutionConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper mapper) {
        this.config = config;
        this.kafka = kafka;
        this.mapper = mapper;
    }

    /** After the back-claim worker has stopped (it observes shutdown at the default priority). */
    synchronized void stop(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** One Kafka transaction: every record, or none. */
    @Override
    public synchronized void publish(List<UsageResolvedV1> events, Instant now) {
        KafkaProducer<String, byte[]> p = producer();
        try {
            p.beginTransaction();
            for (UsageResolvedV1 e : events) {
                UsageAcceptedV1 usage = e.usage();
                p.send(new ProducerRecord<>(Topics.USAGE_RESOLVED, null, UsageKeys.key(usage.platformId(), usage.eventId()),
                        mapper.writeValueAsBytes(e), CloudEventHeaders.of(usage, CloudEventTypes.USAGE_RESOLVED, now)));
            }
            p.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // this producer cannot go on; the next attempt makes a new one (which aborts what is left open)
            producer = null;
            p.close();
            throw fatal;
        } catch (KafkaException | JsonProcessingException e) {
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                producer = null;
                p.close();
            }
            throw new IllegalStateException("the back-claim transaction was aborted", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rights-registry-back-claims-" + config.instanceId());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "rights-registry-back-claims");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
            KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
            try {
                p.initTransactions();
            } catch (KafkaException e) {
                p.close();
                throw e;
            }
            producer = p;
        }
        return producer;
    }
}
