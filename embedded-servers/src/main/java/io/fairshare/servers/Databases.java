package io.fairshare.servers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Database names and CREATE DATABASE, shared by the managed and the external server. */
final class Databases {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a usable database name: '" + name + "' (lower-case letters, digits and"
                    + " underscores, starting with a letter or underscore, at most 63 characters)");
        }
        return name;
    }

    /**
     * Opens a connection through the driver class directly rather than {@link java.sql.DriverManager}, which
     * refuses drivers registered by another class loader (Quarkus tests load classes in several).
     */
    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return c;
    }

    static void create(String maintenanceUrl, String user, String password, String name) {
        checkName(name);
        try (Connection c = connect(maintenanceUrl, user, password)) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505 unique_violation: another caller created it meanwhile.
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " through " + maintenanceUrl + ": "
                    + e.getMessage(), e);
        }
    }
}
