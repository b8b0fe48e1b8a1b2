package io.fairshare.payout.domain.ledger;

import java.util.List;
import java.util.SortedSet;

/** Read access to account balances, in each account's normal-balance sense (positive = the usual side). */
public interface Balances {
    /** The balance; 0 for an account that has never been posted to. */
    long balance(AccountId account);

    /** Every account of that type that has ever been posted to. */
    SortedSet<AccountId> accounts(AccountType type);

    /** The accounts of one type, owner and currency, oldest period first (an account without a period first). */
    default List<AccountId> accountsOf(AccountType type, String owner, String currency) {
        return accounts(type).stream()
                .filter(a -> a.owner().equals(owner) && a.currency().equals(currency))
                .sorted(AccountId.OLDEST_FIRST)
                .toList();
    }

    /** The accounts of one type, owner and currency with a positive balance, oldest period first. */
    default List<AccountId> openAccountsOf(AccountType type, String owner, String currency) {
        return accountsOf(type, owner, currency).stream().filter(a -> balance(a) > 0).toList();
    }

    /** Sum of the balances of one type, owner and currency. */
    default long total(AccountType type, String owner, String currency) {
        long sum = 0;
        for (AccountId a : accountsOf(type, owner, currency)) {
            sum = Math.addExact(sum, balance(a));
        }
        return sum;
    }
}
