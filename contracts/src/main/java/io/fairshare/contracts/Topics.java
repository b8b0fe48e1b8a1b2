package io.fairshare.contracts;

/**
 * Kafka topic names: the one place they are spelled. A topic's name carries its major schema
 * version; an incompatible change is a new topic, an additive change is not.
 */
public final class Topics {
    /** Usage events accepted by usage-ingest. Key: {@link io.fairshare.contracts.usage.UsageKeys}. */
    public static final String USAGE_ACCEPTED = "fairshare.usage.accepted.v1";
    /** Usage resolved to rights holders by rights-registry. Same key as the accepted event. */
    public static final String USAGE_RESOLVED = "fairshare.usage.resolved.v1";
    /** Usage whose work the registry could not resolve (held for a later back-claim). */
    public static final String USAGE_UNMATCHED = "fairshare.usage.unmatched.v1";
    /** Catalogue changes, so that every registry instance refreshes its in-memory index. */
    public static final String REGISTRY_CHANGES = "fairshare.registry.changes.v1";
    /** Statements issued by settlement at period close, for payout. */
    public static final String STATEMENTS_ISSUED = "fairshare.statements.issued.v1";

    /**
     * Party and auditor credentials issued by rights-registry ({@link io.fairshare.contracts.credentials.CredentialV1}),
     * compacted, key {@code keyId}: the latest record of a key is its state (a revocation is a record with
     * {@code revoked=true}), so reading the topic from the beginning gives every credential once.
     */
    public static final String CREDENTIALS = "fairshare.credentials.v1";

    private Topics() {
    }
}
