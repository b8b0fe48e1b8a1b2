package io.fairshare.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one way Fairshare's stores run a JDBC transaction: take a connection from the pool, run the
 * work, commit when it returns, roll back when it throws, give the connection back as it was. A
 * {@link SQLException} comes out as a {@link StorageException}; a lost connection inside it is
 * answered 503 with Retry-After by the shared problem mappers ({@link io.fairshare.service.Outages}).
 *
 * <p>Plain JDBC on a {@link DataSource}, so it works with Agroal and in plain unit tests alike.
 */
public final class Transactions {
    /** The work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface VoidWork {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a READ COMMITTED transaction. */
    public <T> T write(Work<T> work) {
        return run(Connection.TRANSACTION_READ_COMMITTED, false, null, work);
    }

    /** Runs {@code work} in a READ COMMITTED transaction. */
    public void writeVoid(VoidWork work) {
        run(Connection.TRANSACTION_READ_COMMITTED, false, null, c -> {
            work.run(c);
            return null;
        });
    }

    /**
     * Runs {@code work} in a READ COMMITTED transaction that first takes the transaction-scoped
     * advisory lock {@code lockKey} ({@code pg_advisory_xact_lock}), so that writers holding the same
     * key run one after another; the lock is released at commit or rollback.
     */
    public <T> T writeLocked(long lockKey, Work<T> work) {
        return run(Connection.TRANSACTION_READ_COMMITTED, false, lockKey, work);
    }

    /** Runs {@code work} in a SERIALIZABLE transaction; the caller retries on SQLSTATE 40001. */
    public <T> T serializable(Work<T> work) {
        return run(Connection.TRANSACTION_SERIALIZABLE, false, null, work);
    }

    /** Runs {@code work} in a read-only REPEATABLE READ snapshot: every query sees the same committed state. */
    public <T> T readSnapshot(Work<T> work) {
        return run(Connection.TRANSACTION_REPEATABLE_READ, true, null, work);
    }

    private <T> T run(int isolation, boolean readOnly, Long lockKey, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int previousIsolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            if (isolation != previousIsolation) {
                c.setTransactionIsolation(isolation);
            }
            if (readOnly) {
                c.setReadOnly(true);
            }
            try {
                if (lockKey != null) {
                    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, lockKey);
                        lock.execute();
                    }
                }
                T result = work.run(c);
                if (readOnly) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restore(c, autoCommit, previousIsolation, isolation, readOnly);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    private static void restore(Connection c, boolean autoCommit, int previousIsolation, int isolation, boolean readOnly) {
        try {
            if (readOnly) {
                c.setReadOnly(false);
            }
            if (isolation != previousIsolation) {
                c.setTransactionIsolation(previousIsolation);
            }
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The connection is broken; the pool will discard it on validation.
        }
    }
}
