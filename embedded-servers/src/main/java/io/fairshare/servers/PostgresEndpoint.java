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
}
