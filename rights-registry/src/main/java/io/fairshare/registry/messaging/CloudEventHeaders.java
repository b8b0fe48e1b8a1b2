package io.fairshare.registry.messaging;

import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents 1.0 Kafka binding, binary mode: the attributes as {@code ce_*} headers, the value is the JSON data. */
final class CloudEventHeaders {
    private CloudEventHeaders() {
    }

    static RecordHeaders of(UsageAcceptedV1 usage, String type, Instant time) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", utf8(CloudEventTypes.SPEC_VERSION));
        h.add("ce_id", utf8(usage.eventId()));
        h.add("ce_source", utf8(CloudEventTypes.platformSource(usage.platformId())));
        h.add("ce_type", utf8(type));
        h.add("ce_time", utf8(time.toString()));
        h.add("content-type", utf8("application/json"));
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
