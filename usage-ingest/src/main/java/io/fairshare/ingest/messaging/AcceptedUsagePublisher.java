package io.fairshare.ingest.messaging;

import io.fairshare.contracts.Channels;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageKeys;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes accepted usage as CloudEvents (Kafka binding, binary mode) keyed by
 * {@link UsageKeys#key}. The returned future completes when Kafka acknowledged the record
 * (acks=all, idempotent producer: see application.properties) and fails when it did not.
 */
@ApplicationScoped
public class AcceptedUsagePublisher {
    private final Emitter<UsageAcceptedV1> emitter;

    @Inject
    public AcceptedUsagePublisher(@Channel(Channels.USAGE_ACCEPTED_OUT)
                                  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
                                  Emitter<UsageAcceptedV1> emitter) {
        this.emitter = emitter;
    }

    public CompletableFuture<Void> publish(UsageAcceptedV1 event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Metadata metadata = Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(UsageKeys.key(event.platformId(), event.eventId()))
                        .build(),
                OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId())
                        .withSource(URI.create(CloudEventTypes.platformSource(event.platformId())))
                        .withType(CloudEventTypes.USAGE_ACCEPTED)
                        .withTimestamp(event.acceptedAt().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
        Message<UsageAcceptedV1> message = Message.of(event, metadata,
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // buffer full, or the channel terminated: the event was not handed to Kafka
            acked.completeExceptionally(e);
        }
        return acked;
    }
}
