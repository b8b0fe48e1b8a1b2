package io.fairshare.registry.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures to hold unmatched usage are retried (the database is away) and which fail the channel (bad data). */
class UnmatchedHoldRetryTest {
    @Test
    void anUnreachableDatabaseOrADeadlockIsRetried() {
        assertTrue(UnmatchedUsageStore.isTransient(new IllegalStateException("could not hold", new SQLException("refused", "08001"))));
        assertTrue(UnmatchedUsageStore.isTransient(new IllegalStateException("could not hold", new SQLException("deadlock", "40P01"))));
        assertTrue(UnmatchedUsageStore.isTransient(new IllegalStateException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aConstraintOrDataErrorIsNot() {
        assertFalse(UnmatchedUsageStore.isTransient(new IllegalStateException("could not hold",
                new SQLException("null value in column platform_id", "23502"))));
        assertFalse(UnmatchedUsageStore.isTransient(new RuntimeException(new IllegalStateException("could not hold",
                new SQLException("invalid input syntax for type json", "22P02")))));
    }
}
