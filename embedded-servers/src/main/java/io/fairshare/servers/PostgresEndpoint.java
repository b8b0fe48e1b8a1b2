package io.fairshare.servers;

/** A PostgreSQL server that clients can reach over TCP with a user name and password. */
public interface PostgresEndpoint {
    /** {@code jdbc:postgresql://host:port/database}. */
    String jdbcUrl(String database);

    String username();

    String password();

    /**
     * Creates the database unless it exists (safe to call from several threads or JVMs at once).
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore, at most 63
     * @return the database's JDBC URL
     */
    String createDatabase(String name);

    /** Whether this JVM runs the server, so that {@link #stop()} and {@link #start()} are allowed. */
    default boolean isManaged() {
        return false;
    }

    /**
     * Stops the server (open sessions are ended), so a test can show what clients see while the
     * database is down; a later {@link #start()} brings it back on the same port with the same data.
     *
     * @throws UnsupportedOperationException for a server given from outside
     */
    default void stop() {
        throw new UnsupportedOperationException("PostgreSQL is not run by this JVM (" + this + "): it cannot be stopped here");
    }

    /**
     * Starts the server (again); returns once it accepts connections. Does nothing if it is running.
     *
     * @throws UnsupportedOperationException for a server given from outside
     */
    default void start() {
        throw new UnsupportedOperationException("PostgreSQL is not run by this JVM (" + this + "): it cannot be started here");
    }
}
