package io.fairshare.service.persistence;

import java.sql.SQLException;

/**
 * A database failure inside a use case; the transaction it happened in was rolled back, so nothing
 * of it is stored. When the cause is a lost connection, {@link io.fairshare.service.Outages} sees it
 * through the cause chain and the answer is 503 with Retry-After; any other failure is a 500.
 */
public class StorageException extends RuntimeException {
    /** SQLSTATE 23505. */
    public static final String UNIQUE_VIOLATION = "23505";

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the failure, e.g. {@code 40P01} for a deadlock; null when the driver gave none. */
    public String sqlState() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** Whether a unique constraint refused the write: a race with another writer, not an outage. */
    public boolean isUniqueViolation() {
        return UNIQUE_VIOLATION.equals(sqlState());
    }
}
