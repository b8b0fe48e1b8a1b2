package io.fairshare.payout.domain.reconciliation;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerRules;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.reconciliation.Sums.Key;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger's side of reconciliation: the journal replayed into balances and sums per key and source kind,
 * with the alarms the journal raises on its own (duplicate or malformed transactions, unknown sources,
 * accounts a source kind may not touch, forbidden negative balances).
 */
final class JournalTotals {
    final Map<AccountId, Long> balances = new TreeMap<>();
    final Sums postedPayable = new Sums();
    final Sums postedHeld = new Sums();
    final Sums paid = new Sums();
    final Sums releasedIn = new Sums();
    final Sums releasedOut = new Sums();
    final Sums offsets = new Sums();
    final Sums platformPosted = new Sums();
    final Sums unclaimedPosted = new Sums();
    final Sums collected = new Sums();
    final Sums creditUsed = new Sums();
    final Map<String, Long> receiptCash = new HashMap<>();
    /** Per payment (end-to-end id): the number of payout postings to IN_TRANSIT and their sum. */
    final Map<String, long[]> payoutByPayment = new HashMap<>();

    JournalTotals(List<LedgerTransaction> journal, DocumentTotals documents, List<ReconciliationAlarm> alarms) {
        Set<String> seen = new HashSet<>();
        Set<AccountId> reportedNegative = new HashSet<>();
        for (LedgerTransaction tx : journal) {
            String subject = "transaction:" + tx.id();
            if (!seen.add(tx.id())) {
                alarms.add(Reconciliation.alarm(AlarmCode.DUPLICATE_TRANSACTION, subject, null, null, 1, 2,
                        "the journal records transaction " + tx.id() + " twice"));
            }
            LedgerRules.checkShape(tx).ifPresent(r -> alarms.add(
                    Reconciliation.alarm(AlarmCode.MALFORMED_TRANSACTION, subject, null, null, 0, 0, r.message())));
            if (!documents.knows(tx.source())) {
                alarms.add(Reconciliation.alarm(AlarmCode.UNKNOWN_SOURCE, subject, null, null, 0, 0, "no record of its source " + tx.source()));
            }
            SourceKind kind = tx.source().kind();
            for (Posting p : tx.postings()) {
                AccountId a = p.account();
                balances.merge(a, p.balanceEffect(), Math::addExact);
                if (!kind.mayTouch(a.type())) {
                    alarms.add(Reconciliation.alarm(AlarmCode.UNEXPECTED_ACCOUNT, subject, a.period(), a.currency(), 0, p.amount(),
                            kind + " transaction posts to " + a));
                }
                add(tx, kind, a, p.balanceEffect());
            }
            for (Posting p : tx.postings()) {
                AccountId a = p.account();
                if (!a.type().mayGoNegative() && balances.get(a) < 0 && reportedNegative.add(a)) {
                    alarms.add(Reconciliation.alarm(AlarmCode.NEGATIVE_BALANCE, "account:" + a, a.period(), a.currency(), 0, balances.get(a),
                            "transaction " + tx.id() + " took " + a + " below zero"));
                }
            }
        }
    }

    long balance(AccountId account) {
        return balances.getOrDefault(account, 0L);
    }

    private void add(LedgerTransaction tx, SourceKind kind, AccountId a, long effect) {
        Key k = new Key(a.period() == null ? "" : a.period(), a.owner(), a.currency());
        switch (kind) {
            case STATEMENT -> {
                switch (a.type()) {
                    case PAYABLE -> postedPayable.add(k, effect);
                    case RECOVERABLE -> postedPayable.add(k, -effect);
                    case HOLDBACK_DISPUTED, HOLDBACK_RESERVED -> postedHeld.add(k, effect);
                    case HOLDBACK_UNCLAIMED -> unclaimedPosted.add(k, effect);
                    case RECEIVABLE -> platformPosted.add(k, effect);
                    case PLATFORM_CREDIT -> platformPosted.add(k, -effect);
                    default -> { }
                }
            }
            case PAYOUT, PAYMENT_FAILED, PAYMENT_RETURNED -> {
                if (a.type() == AccountType.PAYABLE) {
                    paid.add(k, -effect);
                }
                if (kind == SourceKind.PAYOUT && a.type() == AccountType.IN_TRANSIT) {
                    long[] countAndSum = payoutByPayment.computeIfAbsent(tx.source().id(), id -> new long[2]);
                    countAndSum[0]++;
                    countAndSum[1] = Math.addExact(countAndSum[1], effect);
                }
            }
            case HOLDBACK_RELEASE -> {
                if (a.type() == AccountType.PAYABLE) {
                    releasedIn.add(k, effect);
                } else if (a.type() == AccountType.HOLDBACK_DISPUTED || a.type() == AccountType.HOLDBACK_RESERVED) {
                    releasedOut.add(k, -effect);
                }
            }
            case RECOVERY_OFFSET -> {
                if (a.type() == AccountType.PAYABLE) {
                    offsets.add(k, effect);
                } else if (a.type() == AccountType.RECOVERABLE) {
                    offsets.add(k, -effect);
                }
            }
            case RECEIPT, CREDIT_APPLICATION -> {
                if (a.type() == AccountType.RECEIVABLE) {
                    collected.add(k, -effect);
                } else if (a.type() == AccountType.PLATFORM_CREDIT && kind == SourceKind.CREDIT_APPLICATION) {
                    creditUsed.add(k, -effect);
                } else if (a.type() == AccountType.CLEARING && kind == SourceKind.RECEIPT) {
                    receiptCash.merge(tx.source().id(), effect, Math::addExact);
                }
            }
            case PAYMENT_SETTLED -> { }
        }
    }
}
