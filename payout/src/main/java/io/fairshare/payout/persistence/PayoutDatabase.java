package io.fairshare.payout.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.persistence.Transactions;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs each use case in one database transaction over {@link PgLedgerStore} and {@link PgPayoutRecords}.
 *
 * <p>Concurrency: every write transaction first takes one transaction-scoped advisory lock (the ledger
 * lock), so writes are serialised: the balances a posting rule reads cannot move before its postings are
 * committed, and two requests at once can neither post the same document twice nor overdraw an account.
 * Reads ({@link #read}) take no lock; they run in a REPEATABLE READ snapshot, so a report sees one state.
 */
@ApplicationScoped
public class PayoutDatabase {
    /** The ledger's advisory lock key ("payout" in ASCII). */
    static final long LEDGER_LOCK = 0x7061796f7574L;

    /** A use case over one transaction: its connection and a book over it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /**
     * What a use case can touch inside its transaction: the book, and the few tables beside it (run files,
     * status events, trial-balance sums, the admin audit). The use cases never see the connection; tests may.
     */
    public record Tx(Connection connection, PayoutBook book) {
        /** Records an administrative change with its actor in this transaction: stored with the change or not at all. */
        public void audit(Caller actor, String action, String subject, String detail) throws SQLException {
            AdminAudit.record(connection, actor, action, subject, detail);
        }

        public Optional<RunFile> runFile(String runId) throws SQLException {
            return PayoutDatabase.runFile(connection, runId);
        }

        public void saveRunFile(RunFile file) throws SQLException {
            PayoutDatabase.saveRunFile(connection, file);
        }

        public void recordStatusEvent(String endToEndId, String status, String reason) throws SQLException {
            PayoutDatabase.recordStatusEvent(connection, endToEndId, status, reason);
        }

        public List<CurrencyTotals> totals() throws SQLException {
            return PayoutDatabase.totals(connection);
        }

        public List<AccountBalance> balancesFromPostings() throws SQLException {
            return PayoutDatabase.balancesFromPostings(connection);
        }

        public long balancesOutOfStep() throws SQLException {
            return PayoutDatabase.balancesOutOfStep(connection);
        }
    }

    public record RunFile(String runId, String xml, String sha256, int numberOfTransactions, BigDecimal controlSum) {
    }

    public record AccountBalance(AccountId account, long balance) {
    }

    public record CurrencyTotals(String currency, long debits, long credits) {
    }

    private final AgroalDataSource dataSource;
    private final Transactions transactions;

    public PayoutDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new Transactions(dataSource);
    }

    /** Runs {@code work} holding the ledger lock; commits when it returns, rolls back when it throws. */
    public <T> T write(Work<T> work) {
        return transactions.writeLocked(LEDGER_LOCK, c -> work.run(tx(c)));
    }

    /** Runs {@code work} in a read-only REPEATABLE READ snapshot. */
    public <T> T read(Work<T> work) {
        return transactions.readSnapshot(c -> work.run(tx(c)));
    }

    private static Tx tx(Connection c) {
        return new Tx(c, new PayoutBook(new PgLedgerStore(c), new PgPayoutRecords(c)));
    }

    public static Optional<RunFile> runFile(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT xml, sha256, nb_of_txs, ctrl_sum FROM run_file WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RunFile(runId, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)))
                        : Optional.empty();
            }
        }
    }

    public static void saveRunFile(Connection c, RunFile f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_file (run_id, xml, sha256, nb_of_txs, ctrl_sum) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, f.runId());
            ps.setString(2, f.xml());
            ps.setString(3, f.sha256());
            ps.setInt(4, f.numberOfTransactions());
            ps.setBigDecimal(5, f.controlSum());
            ps.executeUpdate();
        }
    }

    public static void recordStatusEvent(Connection c, String endToEndId, String status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_status_event (end_to_end_id, status, reason) VALUES (?, ?, ?)")) {
            ps.setString(1, endToEndId);
            ps.setString(2, status);
            ps.setString(3, reason);
            ps.executeUpdate();
        }
    }

    /** Records a statement message that could not be booked; a redelivered one (same offset) is recorded once. */
    public void deadLetter(String topic, int partition, long offset, String key, String statementId, String reasonCode, String reason,
                           String payload) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO statement_dead_letter"
                     + " (topic, partition_no, offset_no, message_key, statement_id, reason_code, reason, payload)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, partition_no, offset_no) DO NOTHING")) {
            ps.setString(1, topic);
            ps.setInt(2, partition);
            ps.setLong(3, offset);
            ps.setString(4, key);
            ps.setString(5, statementId);
            ps.setString(6, reasonCode);
            ps.setString(7, reason);
            ps.setString(8, payload);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Every account's balance computed from the postings (not from the maintained balances). */
    public static List<AccountBalance> balancesFromPostings(Connection c) throws SQLException {
        List<AccountBalance> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT acc_type, owner, period, currency,"
                + " sum(CASE WHEN (side = 'D') = (acc_type IN ('RECEIVABLE', 'RECOVERABLE', 'CLEARING')) THEN amount ELSE -amount END)"
                + " FROM posting GROUP BY acc_type, owner, period, currency ORDER BY acc_type, owner, currency, period");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AccountBalance(StoredAccount.fromColumns(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(5)));
            }
        }
        return out;
    }

    /** Accounts whose maintained balance differs from the sum of their postings (a sound ledger has none). */
    public static long balancesOutOfStep(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM account a FULL JOIN (SELECT acc_type, owner, period, currency,"
                + " sum(CASE WHEN (side = 'D') = (acc_type IN ('RECEIVABLE', 'RECOVERABLE', 'CLEARING')) THEN amount ELSE -amount END) AS b"
                + " FROM posting GROUP BY acc_type, owner, period, currency) p"
                + " ON a.acc_type = p.acc_type AND a.owner = p.owner AND a.period = p.period AND a.currency = p.currency"
                + " WHERE a.balance IS DISTINCT FROM p.b");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<CurrencyTotals> totals(Connection c) throws SQLException {
        List<CurrencyTotals> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT currency, coalesce(sum(amount) FILTER (WHERE side = 'D'), 0),"
                + " coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) FROM posting GROUP BY currency ORDER BY currency");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CurrencyTotals(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return out;
    }
}
