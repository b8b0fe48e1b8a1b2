package io.fairshare.registry.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.service.persistence.StorageException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Which failures to hold unmatched usage are retried (the database is away) and which fail the channel (bad data).
 * The table reports SQL failures as {@link StorageException} (service-support's Transactions).
 */
class UnmatchedHoldRetryTest {
    @Test
    void anUnreachableDatabaseOrADeadlockIsRetried() {
        assertTrue(UnmatchedUsage.isTransient(new StorageException(new SQLException("refused", "08001"))));
        assertTrue(UnmatchedUsage.isTransient(new StorageException(new SQLException("deadlock", "40P01"))));
        assertTrue(UnmatchedUsage.isTransient(new IllegalStateException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aConstraintOrDataErrorIsNot() {
        assertFalse(UnmatchedUsage.isTransient(new StorageException(new SQLException("null value in column platform_id", "23502"))));
        assertFalse(UnmatchedUsage.isTransient(new RuntimeException(new StorageException(
                new SQLException("invalid input syntax for type json", "22P02")))));
    }
}
