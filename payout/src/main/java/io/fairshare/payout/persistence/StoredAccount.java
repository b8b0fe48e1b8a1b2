package io.fairshare.payout.persistence;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;

/**
 * The one place where an {@link AccountId} meets its columns ({@code acc_type, owner, period, currency}):
 * an account without a period is stored with period {@code ''} (part of the key), and read back as none.
 */
final class StoredAccount {
    private StoredAccount() {
    }

    static AccountId fromColumns(String type, String owner, String period, String currency) {
        return new AccountId(AccountType.valueOf(type), owner, period == null || period.isEmpty() ? null : period, currency);
    }

    static String periodColumn(AccountId account) {
        return account.period() == null ? "" : account.period();
    }
}
