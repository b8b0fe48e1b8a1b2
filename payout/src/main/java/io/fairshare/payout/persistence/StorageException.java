package io.fairshare.payout.persistence;

import java.sql.SQLException;

/** A database failure inside a use case: the whole transaction is rolled back. */
public class StorageException extends RuntimeException {
    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the failure, e.g. {@code 40P01} for a deadlock. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
