package io.fairshare.payout.domain.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Balances as they would be after some not-yet-posted transactions: lets a rule chain dependent transactions. */
public final class BalanceOverlay implements Balances {
    private final Balances base;
    private final Map<AccountId, Long> delta = new HashMap<>();
    private final Map<AccountType, SortedSet<AccountId>> added = new EnumMap<>(AccountType.class);

    public BalanceOverlay(Balances base) {
        this.base = base;
    }

    public BalanceOverlay apply(LedgerTransaction tx) {
        for (Posting p : tx.postings()) {
            delta.merge(p.account(), p.balanceEffect(), Math::addExact);
            added.computeIfAbsent(p.account().type(), t -> new TreeSet<>()).add(p.account());
        }
        return this;
    }

    @Override
    public long balance(AccountId account) {
        return Math.addExact(base.balance(account), delta.getOrDefault(account, 0L));
    }

    @Override
    public SortedSet<AccountId> accounts(AccountType type) {
        SortedSet<AccountId> more = added.get(type);
        if (more == null) {
            return base.accounts(type);
        }
        SortedSet<AccountId> all = new TreeSet<>(base.accounts(type));
        all.addAll(more);
        return Collections.unmodifiableSortedSet(all);
    }
}
