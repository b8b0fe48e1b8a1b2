package io.fairshare.service;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure to reach a dependency (PostgreSQL, Kafka) from any other failure: the first is
 * answered 503 with Retry-After (the same request may succeed later), the second 500. Plain Java:
 * the driver and framework types it recognises (Hibernate, Kafka) are matched by class name, so
 * that a service without them on its class path can still use it.
 *
 * <p>The whole cause chain is walked, so a failure wrapped by a store ({@code StorageException}),
 * by JPA ({@code PersistenceException}) or by a future ({@code ExecutionException}) is still seen.
 */
public final class Outages {
    /** Which dependency could not be reached. */
    public enum Dependency {
        POSTGRESQL("PostgreSQL"),
        KAFKA("Kafka"),
        /** A use case said so itself ({@link ServiceUnavailableException}). */
        DECLARED("a dependency");

        private final String label;

        Dependency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Hibernate's translation of a JDBC connection failure (SQLState class 08). */
    static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";
    /**
     * Kafka's errors that may pass when retried ({@code RetriableException}: not enough replicas,
     * network errors, and {@code TimeoutException}, a send or metadata fetch that timed out), and
     * {@code BrokerNotAvailableException}, which Kafka does not count as retriable.
     */
    static final Set<String> KAFKA_UNAVAILABLE = Set.of("org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.BrokerNotAvailableException");

    private Outages() {
    }

    /** The dependency that {@code failure} (or one of its causes) shows to be unreachable; empty for any other failure. */
    public static Optional<Dependency> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            Optional<Dependency> d = itself(t);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is an outage of some dependency. */
    public static boolean isOutage(Throwable failure) {
        return of(failure).isPresent();
    }

    private static Optional<Dependency> itself(Throwable t) {
        if (t instanceof ServiceUnavailableException) {
            return Optional.of(Dependency.DECLARED);
        }
        if (t instanceof SQLException sql && isConnectionFailure(sql)) {
            return Optional.of(Dependency.POSTGRESQL);
        }
        if (isAny(t, Set.of(HIBERNATE_CONNECTION_FAILURE))) {
            return Optional.of(Dependency.POSTGRESQL);
        }
        if (isAny(t, KAFKA_UNAVAILABLE)) {
            return Optional.of(Dependency.KAFKA);
        }
        return Optional.empty();
    }

    /**
     * A JDBC failure to reach the server: the connection exception types, SQLState class 08
     * (connection exception), 57P01..57P03 (admin shutdown, crash shutdown, cannot connect now), or
     * Agroal's acquisition timeout (no connection could be had from the pool in time).
     */
    static boolean isConnectionFailure(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** Whether the class of {@code t}, or a superclass, has one of these names. */
    private static boolean isAny(Throwable t, Set<String> classNames) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (classNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
