package io.fairshare.contracts;

/**
 * CloudEvents 1.0 {@code type} values. Events travel in the Kafka binding's binary mode: the
 * attributes are {@code ce_*} headers, the value is the data as JSON ({@code content-type:
 * application/json}), and the data repeats the identifying fields so that a consumer never needs
 * the headers to do its work.
 */
public final class CloudEventTypes {
    public static final String SPEC_VERSION = "1.0";
    /** What a platform sends in a CloudEvent to POST /v1/usage-events. */
    public static final String USAGE_REPORTED = "io.fairshare.usage.reported.v1";
    public static final String USAGE_ACCEPTED = "io.fairshare.usage.accepted.v1";
    public static final String USAGE_RESOLVED = "io.fairshare.usage.resolved.v1";
    public static final String USAGE_UNMATCHED = "io.fairshare.usage.unmatched.v1";
    public static final String STATEMENT_ISSUED = "io.fairshare.statement.issued.v1";

    /** The CloudEvents {@code source} of a platform's events: {@code /platforms/{platformId}}. */
    public static String platformSource(String platformId) {
        return "/platforms/" + platformId;
    }

    private CloudEventTypes() {
    }
}
