package io.fairshare.ingest.application;

/** Kafka or PostgreSQL could not do its part; nothing unstored was reported accepted. Retry later. */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
