package io.fairshare.payout.domain.ledger;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory double-entry ledger: the reference model for the PostgreSQL one. Transactions are recorded
 * once, in order, and never changed. Each batch is validated as a whole before anything is recorded.
 */
public final class Ledger implements LedgerStore {
    private final List<LedgerTransaction> journal = new ArrayList<>();
    private final Map<String, LedgerTransaction> byId = new HashMap<>();
    private final Map<AccountId, Long> balances = new HashMap<>();
    private final Map<AccountType, SortedSet<AccountId>> accounts = new EnumMap<>(AccountType.class);
    private final Map<String, long[]> totals = new TreeMap<>();

    /** A ledger holding the given journal, each transaction checked as it was when first posted. */
    public static Result<Ledger> replay(List<LedgerTransaction> journal) {
        Ledger ledger = new Ledger();
        for (LedgerTransaction tx : journal) {
            PostResult result = ledger.post(tx);
            if (result instanceof PostResult.Refused refused) {
                return Result.rejected(refused.rejection());
            }
            if (result instanceof PostResult.AlreadyPosted) {
                return Result.rejected(ErrorCode.TRANSACTION_ID_CONFLICT, "journal repeats transaction " + tx.id());
            }
        }
        return Result.ok(ledger);
    }

    @Override
    public synchronized PostResult postAll(List<LedgerTransaction> transactions) {
        PostResult result = LedgerRules.checkBatch(transactions, id -> Optional.ofNullable(byId.get(id)), this);
        if (result instanceof PostResult.Posted posted) {
            posted.posted().forEach(this::record);
        }
        return result;
    }

    private void record(LedgerTransaction tx) {
        journal.add(tx);
        byId.put(tx.id(), tx);
        for (Posting p : tx.postings()) {
            balances.merge(p.account(), p.balanceEffect(), Math::addExact);
            accounts.computeIfAbsent(p.account().type(), t -> new TreeSet<>()).add(p.account());
            long[] t = totals.computeIfAbsent(p.currency(), c -> new long[2]);
            int i = p.side() == Side.DEBIT ? 0 : 1;
            t[i] = Math.addExact(t[i], p.amount());
        }
    }

    @Override
    public synchronized long balance(AccountId account) {
        return balances.getOrDefault(account, 0L);
    }

    @Override
    public synchronized SortedSet<AccountId> accounts(AccountType type) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(accounts.getOrDefault(type, new TreeSet<>())));
    }

    /** Every account with its balance, in account order. */
    public synchronized Map<AccountId, Long> balances() {
        return Collections.unmodifiableMap(new TreeMap<>(balances));
    }

    @Override
    public synchronized boolean contains(String transactionId) {
        return byId.containsKey(transactionId);
    }

    @Override
    public synchronized Optional<LedgerTransaction> transaction(String transactionId) {
        return Optional.ofNullable(byId.get(transactionId));
    }

    @Override
    public synchronized List<LedgerTransaction> journal() {
        return List.copyOf(journal);
    }

    /** Per currency, all debits and all credits ever posted. */
    public synchronized List<TrialBalance> trialBalance() {
        List<TrialBalance> result = new ArrayList<>();
        totals.forEach((ccy, t) -> result.add(new TrialBalance(ccy, t[0], t[1])));
        return result;
    }
}
