package io.fairshare.payout.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger invariants, recomputed from the journal alone (not from the ledger's own balances), so that a
 * PostgreSQL ledger can be checked the same way:
 * <ul>
 *   <li>every transaction balanced per currency; total debits = total credits per currency;</li>
 *   <li>balances recomputed from the journal equal the balances the ledger reports;</li>
 *   <li>no account except CLEARING below zero (no negative payable);</li>
 *   <li>no society with both a payable and a recoverable, no platform with both a receivable and a credit.</li>
 * </ul>
 */
public final class LedgerInvariants {
    private LedgerInvariants() {
    }

    public static void assertHold(LedgerStore ledger) {
        Map<AccountId, Long> balances = new TreeMap<>();
        Map<String, long[]> totals = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        for (LedgerTransaction tx : ledger.journal()) {
            assertTrue(ids.add(tx.id()), "transaction id recorded twice: " + tx.id());
            assertTrue(tx.isBalanced(), "unbalanced transaction " + tx);
            for (Posting p : tx.postings()) {
                assertTrue(p.amount() > 0, "non-positive posting " + p + " in " + tx.id());
                balances.merge(p.account(), p.balanceEffect(), Math::addExact);
                long[] t = totals.computeIfAbsent(p.currency(), c -> new long[2]);
                t[p.side() == Side.DEBIT ? 0 : 1] += p.amount();
            }
        }
        totals.forEach((ccy, t) -> assertEquals(t[0], t[1], "debits and credits in " + ccy));
        Map<String, Long> payable = new HashMap<>();
        Map<String, Long> recoverable = new HashMap<>();
        Map<String, Long> receivable = new HashMap<>();
        Map<String, Long> credit = new HashMap<>();
        balances.forEach((account, balance) -> {
            assertEquals(balance, ledger.balance(account), "ledger balance of " + account);
            if (balance < 0 && !account.type().mayGoNegative()) {
                fail(account + " is negative: " + balance);
            }
            String key = account.owner() + "|" + account.currency();
            switch (account.type()) {
                case PAYABLE -> payable.merge(key, balance, Long::sum);
                case RECOVERABLE -> recoverable.merge(key, balance, Long::sum);
                case RECEIVABLE -> receivable.merge(key, balance, Long::sum);
                case PLATFORM_CREDIT -> credit.merge(key, balance, Long::sum);
                default -> { }
            }
        });
        payable.forEach((key, p) -> assertTrue(p == 0 || recoverable.getOrDefault(key, 0L) == 0,
                "society " + key + " has payable " + p + " and recoverable " + recoverable.get(key)));
        receivable.forEach((key, r) -> assertTrue(r == 0 || credit.getOrDefault(key, 0L) == 0,
                "platform " + key + " has receivable " + r + " and credit " + credit.get(key)));
        if (ledger instanceof Ledger memory) {
            memory.trialBalance().forEach(tb -> assertTrue(tb.isBalanced(), "trial balance " + tb));
        }
    }
}
