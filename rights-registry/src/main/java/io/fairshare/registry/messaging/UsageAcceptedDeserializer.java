package io.fairshare.registry.messaging;

import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link UsageAcceptedV1} JSON (the value of a CloudEvent in binary mode) from the accepted topic. */
public class UsageAcceptedDeserializer extends ObjectMapperDeserializer<UsageAcceptedV1> {
    public UsageAcceptedDeserializer() {
        super(UsageAcceptedV1.class);
    }
}
