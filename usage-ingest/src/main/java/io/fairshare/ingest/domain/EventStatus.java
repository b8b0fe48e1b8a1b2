package io.fairshare.ingest.domain;

/** What happened to one submitted event. */
public enum EventStatus {
    /** Stored on Kafka (acknowledged by all in-sync replicas). */
    ACCEPTED,
    /** The platform already submitted this event id; it is not published again. */
    DUPLICATE,
    /** Invalid; see the field errors. Nothing of it was published. */
    REJECTED,
    /**
     * The platform already submitted this event id with other content; the errors name the fields that differ. The
     * earlier event stands, this one was not published: a correction is a new event id, never a reused one.
     */
    CONFLICT
}
