package io.fairshare.registry.messaging;

import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link UsageUnmatchedV1} JSON from the unmatched topic. */
public class UsageUnmatchedDeserializer extends ObjectMapperDeserializer<UsageUnmatchedV1> {
    public UsageUnmatchedDeserializer() {
        super(UsageUnmatchedV1.class);
    }
}
