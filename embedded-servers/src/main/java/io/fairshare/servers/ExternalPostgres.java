package io.fairshare.servers;

/**
 * A PostgreSQL server given from outside (for example by {@code FAIRSHARE_JDBC_URL}). The URL's
 * database is the maintenance database through which {@link #createDatabase} runs; the user needs
 * the CREATEDB privilege.
 */
public final class ExternalPostgres implements PostgresEndpoint {
    private static final String PREFIX = "jdbc:postgresql://";

    private final String url;
    private final String user;
    private final String password;
    private final String hostPart;
    private final String query;

    public ExternalPostgres(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("expected a jdbc:postgresql://host[:port]/database URL, got " + jdbcUrl);
        }
        this.url = jdbcUrl;
        this.user = user;
        this.password = password;
        String rest = jdbcUrl.substring(PREFIX.length());
        int q = rest.indexOf('?');
        this.query = q >= 0 ? rest.substring(q) : "";
        String beforeQuery = q >= 0 ? rest.substring(0, q) : rest;
        int slash = beforeQuery.indexOf('/');
        this.hostPart = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
        if (hostPart.isEmpty()) {
            throw new IllegalArgumentException("no host in " + jdbcUrl);
        }
    }

    /** The URL given, pointing at the maintenance database. */
    public String maintenanceUrl() {
        return url;
    }

    /** The given URL with its database replaced (host, port and parameters kept). */
    @Override
    public String jdbcUrl(String database) {
        return PREFIX + hostPart + "/" + Databases.checkName(database) + query;
    }

    @Override
    public String username() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String createDatabase(String name) {
        Databases.create(url, user, password, name);
        return jdbcUrl(name);
    }

    @Override
    public String toString() {
        return "external PostgreSQL at " + url;
    }
}
