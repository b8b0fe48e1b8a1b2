package io.fairshare.payout.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        if (transactions.isEmpty()) {
            return new PostResult.Refused(Rejection.of(ErrorCode.INVALID_TRANSACTION, "nothing to post"));
        }
        List<LedgerTransaction> fresh = new ArrayList<>();
        List<String> present = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        Map<AccountId, Long> next = new HashMap<>();
        for (LedgerTransaction tx : transactions) {
            if (!idsInBatch.add(tx.id())) {
                return refuse(ErrorCode.TRANSACTION_ID_CONFLICT, "batch repeats transaction id " + tx.id());
            }
            LedgerTransaction existing = byId.get(tx.id());
            if (existing != null) {
                if (!existing.equals(tx)) {
                    return refuse(ErrorCode.TRANSACTION_ID_CONFLICT,
                            "transaction " + tx.id() + " is already recorded with different content");
                }
                present.add(tx.id());
                continue;
            }
            Optional<Rejection> malformed = LedgerRules.checkShape(tx);
            if (malformed.isPresent()) {
                return new PostResult.Refused(malformed.get());
            }
            for (Posting p : tx.postings()) {
                next.merge(p.account(), p.balanceEffect(), Math::addExact);
            }
            for (Posting p : tx.postings()) {
                AccountId a = p.account();
                long after = Math.addExact(balance(a), next.get(a));
                if (after < 0 && !a.type().mayGoNegative()) {
                    return refuse(ErrorCode.NEGATIVE_BALANCE, "transaction " + tx.id() + " would take " + a + " to " + after);
                }
            }
            fresh.add(tx);
        }
        if (fresh.isEmpty()) {
            return new PostResult.AlreadyPosted(present);
        }
        for (LedgerTransaction tx : fresh) {
            record(tx);
        }
        return new PostResult.Posted(fresh, present);
    }

    private static PostResult refuse(ErrorCode code, String message) {
        return new PostResult.Refused(Rejection.of(code, message));
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
