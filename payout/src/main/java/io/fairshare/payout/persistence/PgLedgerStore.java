package io.fairshare.payout.persistence;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerRules;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.PostResult;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.Side;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.service.persistence.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ledger in PostgreSQL, on one connection inside the caller's transaction (see {@link PayoutDatabase}):
 * the same contract as the in-memory {@link io.fairshare.payout.domain.Ledger}. Each batch is checked as a
 * whole before anything is written. The database checks again: positive amounts and sides by constraints,
 * balances not negative by the {@code account} table's constraint (balances are maintained from the postings
 * by a trigger), every transaction balanced per currency by a deferred constraint trigger, and transactions
 * and postings refuse UPDATE, DELETE and TRUNCATE.
 */
public final class PgLedgerStore implements LedgerStore {
    private final Connection c;

    public PgLedgerStore(Connection connection) {
        this.c = connection;
    }

    @Override
    public PostResult postAll(List<LedgerTransaction> transactions) {
        PostResult result = LedgerRules.checkBatch(transactions, this::transaction, this);
        if (!(result instanceof PostResult.Posted posted)) {
            return result;
        }
        List<LedgerTransaction> fresh = posted.posted();
        try (PreparedStatement txs = c.prepareStatement("INSERT INTO ledger_transaction (tx_id, source_kind, source_id) VALUES (?, ?, ?)");
             PreparedStatement postings = c.prepareStatement(
                     "INSERT INTO posting (tx_id, line_no, acc_type, owner, period, currency, side, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerTransaction tx : fresh) {
                txs.setString(1, tx.id());
                txs.setString(2, tx.source().kind().name());
                txs.setString(3, tx.source().id());
                txs.executeUpdate();
                int line = 0;
                for (Posting p : tx.postings()) {
                    postings.setString(1, tx.id());
                    postings.setInt(2, line++);
                    postings.setString(3, p.account().type().name());
                    postings.setString(4, p.account().owner());
                    postings.setString(5, StoredAccount.periodColumn(p.account()));
                    postings.setString(6, p.currency());
                    postings.setString(7, p.side() == Side.DEBIT ? "D" : "C");
                    postings.setLong(8, p.amount());
                    postings.addBatch();
                }
                postings.executeBatch();
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return result;
    }

    @Override
    public long balance(AccountId account) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT balance FROM account WHERE acc_type = ? AND owner = ? AND currency = ? AND period = ?")) {
            ps.setString(1, account.type().name());
            ps.setString(2, account.owner());
            ps.setString(3, account.currency());
            ps.setString(4, StoredAccount.periodColumn(account));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public SortedSet<AccountId> accounts(AccountType type) {
        SortedSet<AccountId> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, period, currency FROM account WHERE acc_type = ?")) {
            ps.setString(1, type.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(StoredAccount.fromColumns(type.name(), rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return Collections.unmodifiableSortedSet(out);
    }

    @Override
    public boolean contains(String transactionId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger_transaction WHERE tx_id = ?")) {
            ps.setString(1, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public Optional<LedgerTransaction> transaction(String transactionId) {
        List<LedgerTransaction> found = read("WHERE t.tx_id = ?", transactionId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<LedgerTransaction> journal() {
        return read("", null);
    }

    private List<LedgerTransaction> read(String where, String arg) {
        record Head(String id, SourceRef source, List<Posting> postings) {
        }
        Map<String, Head> byId = new LinkedHashMap<>();
        String sql = "SELECT t.tx_id, t.source_kind, t.source_id, p.acc_type, p.owner, p.period, p.currency, p.side, p.amount"
                + " FROM ledger_transaction t JOIN posting p ON p.tx_id = t.tx_id " + where + " ORDER BY t.seq, p.line_no";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Head h = byId.computeIfAbsent(rs.getString(1), id -> {
                        try {
                            return new Head(id, new SourceRef(SourceKind.valueOf(rs.getString(2)), rs.getString(3)), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new StorageException(e);
                        }
                    });
                    h.postings().add(new Posting(StoredAccount.fromColumns(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                            "D".equals(rs.getString(8)) ? Side.DEBIT : Side.CREDIT, rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return byId.values().stream().map(h -> new LedgerTransaction(h.id(), h.source(), h.postings())).toList();
    }
}
