package io.fairshare.payout.domain.ledger;

/** Total debits and credits ever posted in one currency. A sound ledger has them equal. */
public record TrialBalance(String currency, long debits, long credits) {
    public boolean isBalanced() {
        return debits == credits;
    }
}
