package io.fairshare.service;

/**
 * A dependency (Kafka, PostgreSQL) could not do its part; nothing was reported done that was not
 * done. Answered 503 with Retry-After.
 */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
