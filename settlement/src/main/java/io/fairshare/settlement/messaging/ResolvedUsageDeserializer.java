package io.fairshare.settlement.messaging;

import io.fairshare.contracts.usage.UsageResolvedV1;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** JSON values of {@code fairshare.usage.resolved.v1}; a value that does not parse becomes null (logged, refused). */
public class ResolvedUsageDeserializer extends ObjectMapperDeserializer<UsageResolvedV1> {
    public ResolvedUsageDeserializer() {
        super(UsageResolvedV1.class);
    }
}
