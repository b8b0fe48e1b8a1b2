package io.fairshare.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.service.Outages.Dependency;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

class OutagesTest {

    @Test
    void aRefusedConnectionToPostgresqlIsAnOutage() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closedPort + "/x", "u", "p"));
        assertEquals("08001", refused.getSQLState());
        assertEquals(Optional.of(Dependency.POSTGRESQL), Outages.of(refused));
    }

    @Test
    void theServerShuttingDownOrStartingIsAnOutage() {
        for (String state : new String[] {"57P01", "57P02", "57P03"}) {
            PSQLException e = new PSQLException(new ServerErrorMessage("SFATAL\0C" + state + "\0Mthe database system is shutting down\0"));
            assertEquals(state, e.getSQLState());
            assertTrue(Outages.isOutage(e), state);
        }
        assertTrue(Outages.isOutage(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        assertTrue(Outages.isOutage(new SQLException("connection lost", "08006")));
    }

    @Test
    void jdbcConnectionExceptionTypesAreOutagesWhateverTheirSqlState() {
        assertTrue(Outages.isOutage(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(Outages.isOutage(new java.sql.SQLNonTransientConnectionException("gone", "XX000")));
    }

    @Test
    void agroalsAcquisitionTimeoutsAreOutages() {
        // Agroal's two messages when no connection could be had within quarkus.datasource.jdbc.acquisition-timeout.
        assertTrue(Outages.isOutage(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(Outages.isOutage(new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException())));
    }

    @Test
    void hibernatesConnectionExceptionInsideAPersistenceExceptionIsAnOutage() {
        SQLException refused = new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        PersistenceException wrapped = new PersistenceException("could not prepare statement",
                new JDBCConnectionException("could not prepare statement", refused));
        assertEquals(Optional.of(Dependency.POSTGRESQL), Outages.of(wrapped));
        // Hibernate's own type is enough, whatever SQLException it carries.
        assertTrue(Outages.isOutage(new JDBCConnectionException("lost", new SQLException("no state"))));
    }

    @Test
    void aStoreWrappingAConnectionFailureIsStillAnOutage() {
        RuntimeException store = new RuntimeException("storage failed",
                new SQLException("batch failed", "XX000", new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)));
        assertEquals(Optional.of(Dependency.POSTGRESQL), Outages.of(store));
    }

    @Test
    void kafkaTimeoutsAndUnavailableBrokersAreOutages() {
        assertEquals(Optional.of(Dependency.KAFKA), Outages.of(new CompletionException(
                new TimeoutException("Expiring 3 record(s) for fairshare.usage.accepted.v1-0: 30001 ms has passed"))));
        assertEquals(Optional.of(Dependency.KAFKA), Outages.of(new ExecutionException(new BrokerNotAvailableException("no broker"))));
        assertTrue(Outages.isOutage(new NotEnoughReplicasException("1 of 3 in sync")));
    }

    @Test
    void aDeclaredUnavailabilityIsAnOutage() {
        assertEquals(Optional.of(Dependency.DECLARED),
                Outages.of(new IllegalStateException(new ServiceUnavailableException("the file store is unavailable", null))));
    }

    @Test
    void failuresThatRetryingWillNotCureAreNotOutages() {
        assertFalse(Outages.isOutage(new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION)));
        assertFalse(Outages.isOutage(new SQLException("relation \"nope\" does not exist", "42P01")));
        assertFalse(Outages.isOutage(new SQLException("deadlock detected", "40P01")));
        assertFalse(Outages.isOutage(new SQLException("something without a state")));
        assertFalse(Outages.isOutage(new PersistenceException(new ConstraintViolationException("dup",
                new SQLException("dup", "23505"), "pk"))));
        assertFalse(Outages.isOutage(new RecordTooLargeException("too large")));
        assertFalse(Outages.isOutage(new SerializationException("bad record")));
        assertFalse(Outages.isOutage(new IllegalStateException("a bug")));
        assertFalse(Outages.isOutage(new NullPointerException()));
    }

    @Test
    void aCauseChainWithACycleEndsInsteadOfLoopingForever() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.initCause(b);
        b.initCause(a);
        assertFalse(Outages.isOutage(a));
    }
}
