package io.fairshare.ingest.domain;

/** What happened to one submitted event. */
public enum EventStatus {
    /** Stored on Kafka (acknowledged by all in-sync replicas). */
    ACCEPTED,
    /** The platform already submitted this event id; it is not published again. */
    DUPLICATE,
    /** Invalid; see the field errors. Nothing of it was published. */
    REJECTED
}
