package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExternalPostgresTest {
    @Test
    void theDatabaseIsReplacedAndHostPortAndParametersAreKept() {
        ExternalPostgres pg = new ExternalPostgres("jdbc:postgresql://db.internal:6432/postgres?sslmode=require&x=1", "u", "p");
        assertEquals("jdbc:postgresql://db.internal:6432/settlement?sslmode=require&x=1", pg.jdbcUrl("settlement"));
    }

    @Test
    void aUrlWithoutDatabaseGetsOne() {
        assertEquals("jdbc:postgresql://h/payout", new ExternalPostgres("jdbc:postgresql://h", "u", "p").jdbcUrl("payout"));
        assertEquals("jdbc:postgresql://h1:5432,h2:5432/payout",
                new ExternalPostgres("jdbc:postgresql://h1:5432,h2:5432/", "u", "p").jdbcUrl("payout"));
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExternalPostgres("jdbc:mysql://h/db", "u", "p"));
    }
}
