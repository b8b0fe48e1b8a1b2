package io.fairshare.ingest.domain;

/**
 * One submitted structured-mode CloudEvent as sent, not yet validated; {@code data} is the usage
 * event. {@code dataBase64Given} is whether the member {@code data_base64} was present at all (even
 * as null): it is refused whatever its value.
 */
public record CloudEventInput(
        Sent<String> specversion,
        Sent<String> id,
        Sent<String> source,
        Sent<String> type,
        Sent<String> datacontenttype,
        boolean dataBase64Given,
        Sent<UsageEventInput> data) {
}
