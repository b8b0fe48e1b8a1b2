package io.fairshare.contracts.usage;

/**
 * The Kafka key of a usage event: {@code platformId + "/" + eventId}. The same event always lands
 * on the same partition, and (platform, event id) is the idempotency key everywhere downstream.
 */
public final class UsageKeys {
    private UsageKeys() {
    }

    public static String key(String platformId, String eventId) {
        return platformId + "/" + eventId;
    }
}
