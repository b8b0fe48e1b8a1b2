package io.fairshare.payout.domain.ledger;

import java.util.Objects;

/**
 * One line of a ledger transaction: an amount in minor units debited or credited to one account. The
 * amount is validated by the {@link Ledger} (it must be positive) so that a bad posting is refused with a
 * reason rather than thrown.
 */
public record Posting(AccountId account, Side side, long amount) {
    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
    }

    public static Posting debit(AccountId account, long amount) {
        return new Posting(account, Side.DEBIT, amount);
    }

    public static Posting credit(AccountId account, long amount) {
        return new Posting(account, Side.CREDIT, amount);
    }

    /** The posting on the account's normal side: it raises the balance. */
    public static Posting increase(AccountId account, long amount) {
        return new Posting(account, account.type().normalBalance(), amount);
    }

    /** The posting on the side opposite the account's normal balance: it lowers the balance. */
    public static Posting decrease(AccountId account, long amount) {
        return new Posting(account, account.type().normalBalance().opposite(), amount);
    }

    public String currency() {
        return account.currency();
    }

    /** The change this posting makes to its account's balance (in the account's normal-balance sense). */
    public long balanceEffect() {
        return side == account.type().normalBalance() ? amount : -amount;
    }

    @Override
    public String toString() {
        return (side == Side.DEBIT ? "Dr " : "Cr ") + account + " " + amount;
    }
}
