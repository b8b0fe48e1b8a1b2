package io.fairshare.payout.domain.reconciliation;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.reconciliation.Sums.Key;
import io.fairshare.payout.domain.run.PayoutRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ties the ledger out against the documents, exactly, per (period, society) and (period, platform). Pure:
 * it reads the journal and the records and returns figures and typed alarms; raising them is the caller's job.
 *
 * <p>Checks, each an {@link AlarmCode}:
 * <ul>
 *   <li>the journal: unique ids, well-formed balanced transactions, accounts each source kind may touch, no
 *       forbidden negative balance, every source document known;</li>
 *   <li>per (period, society): society statements = platform statements = ledger postings (payable and held
 *       parts); ledger paid = runs' payments not reversed; ledger releases = decisions;
 *       payable - recoverable = issued + released - paid + offsets; holdbacks = held - released;</li>
 *   <li>per (period, platform): ledger receivable postings and unclaimed holdback = statements;
 *       receivable - credit = issued - collected + credit used - credit granted by releases;</li>
 *   <li>every receipt posted for its amount; every run's payment count and total (pain.001 NbOfTxs and
 *       CtrlSum) equal the ledger's payout postings for the run.</li>
 * </ul>
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    public static ReconciliationReport reconcile(ReconciliationInput in) {
        List<ReconciliationAlarm> alarms = new ArrayList<>();
        DocumentTotals d = new DocumentTotals(in);
        JournalTotals j = new JournalTotals(in.journal(), d, alarms);
        List<SocietyPeriodFigures> societies = societies(d, j, alarms);
        List<PlatformPeriodFigures> platforms = platforms(d, j, alarms);
        receipts(in.receipts(), j, alarms);
        runs(in.runs(), j, alarms);
        return new ReconciliationReport(societies, platforms, alarms);
    }

    /** Per (period, society), then the offsets of each society over its periods. */
    private static List<SocietyPeriodFigures> societies(DocumentTotals d, JournalTotals j, List<ReconciliationAlarm> alarms) {
        Set<Key> societyKeys = new TreeSet<>();
        for (Sums s : List.of(d.societyIssued, d.societyIssuedHeld, d.platformsPayable, d.platformsHeld, j.postedPayable, j.postedHeld, d.paid,
                j.paid, d.releasedToSociety, j.releasedIn, j.releasedOut, d.releasedFromSociety, j.offsets)) {
            s.keys().stream().filter(k -> !k.period().isEmpty()).forEach(societyKeys::add);
        }
        j.balances.keySet().stream()
                .filter(a -> switch (a.type()) {
                    case PAYABLE, RECOVERABLE, HOLDBACK_DISPUTED, HOLDBACK_RESERVED -> true;
                    default -> false;
                })
                .forEach(a -> societyKeys.add(new Key(a.period(), a.owner(), a.currency())));
        List<SocietyPeriodFigures> societies = new ArrayList<>();
        Map<String, Long> offsetPerSociety = new TreeMap<>();
        for (Key k : societyKeys) {
            String subject = "society:" + k.party();
            long payable = j.balance(AccountId.payable(k.party(), k.period(), k.currency()));
            long recoverable = j.balance(AccountId.recoverable(k.party(), k.period(), k.currency()));
            long held = j.balance(AccountId.disputed(k.party(), k.period(), k.currency()))
                    + j.balance(AccountId.reserved(k.party(), k.period(), k.currency()));
            SocietyPeriodFigures f = new SocietyPeriodFigures(k.period(), k.party(), k.currency(),
                    d.societyIssued.get(k), d.societyIssuedHeld.get(k), j.postedPayable.get(k), j.postedHeld.get(k), j.paid.get(k),
                    j.releasedIn.get(k), j.offsets.get(k), payable, recoverable, held);
            societies.add(f);
            offsetPerSociety.merge(k.party() + "|" + k.currency(), f.offset(), Math::addExact);
            check(alarms, AlarmCode.STATEMENTS_DISAGREE, subject, k, d.platformsPayable.get(k), f.issued(),
                    "payable per the platforms' statements vs the society's own statements");
            check(alarms, AlarmCode.STATEMENTS_DISAGREE, subject, k, d.platformsHeld.get(k), f.issuedHeld(),
                    "held back per the platforms' statements vs the society's own statements");
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, d.platformsPayable.get(k), f.posted(),
                    "payable per the platforms' statements vs posted to the ledger");
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, d.platformsHeld.get(k), f.postedHeld(),
                    "held back per the platforms' statements vs posted to the ledger");
            check(alarms, AlarmCode.PAID_DIFFERS_FROM_PAYMENTS, subject, k, d.paid.get(k), f.paid(),
                    "paid per the runs' payments (not failed or returned) vs paid in the ledger");
            check(alarms, AlarmCode.RELEASE_DIFFERS_FROM_DECISIONS, subject, k, d.releasedToSociety.get(k), f.released(),
                    "released to the payable per decisions vs in the ledger");
            check(alarms, AlarmCode.RELEASE_DIFFERS_FROM_DECISIONS, subject, k, d.releasedFromSociety.get(k), j.releasedOut.get(k),
                    "released from the society's holdbacks per decisions vs in the ledger");
            long expectedPosition = d.platformsPayable.get(k) + d.releasedToSociety.get(k) - d.paid.get(k) + f.offset();
            check(alarms, AlarmCode.CARRIED_FORWARD_MISMATCH, subject, k, expectedPosition, payable - recoverable,
                    "issued + released - paid + offsets vs payable - recoverable in the ledger");
            check(alarms, AlarmCode.HELD_BACK_MISMATCH, subject, k, d.platformsHeld.get(k) - d.releasedFromSociety.get(k), held,
                    "held back per statements less releases vs the holdback balances");
        }
        offsetPerSociety.forEach((societyAndCcy, sum) -> {
            if (sum != 0) {
                String[] parts = societyAndCcy.split("\\|", -1);
                alarms.add(alarm(AlarmCode.OFFSETS_DO_NOT_NET, "society:" + parts[0], null, parts[1], 0, sum,
                        "recovery offsets over the society's periods sum to " + sum));
            }
        });
        return societies;
    }

    /** Per (period, platform). */
    private static List<PlatformPeriodFigures> platforms(DocumentTotals d, JournalTotals j, List<ReconciliationAlarm> alarms) {
        Set<Key> platformKeys = new TreeSet<>();
        for (Sums s : List.of(d.platformIssued, d.platformUnclaimed, j.platformPosted, j.unclaimedPosted, j.collected, j.creditUsed,
                d.releasedToPlatform, d.releasedFromUnclaimed)) {
            s.keys().stream().filter(k -> !k.period().isEmpty()).forEach(platformKeys::add);
        }
        j.balances.keySet().stream()
                .filter(a -> a.period() != null && (a.type() == AccountType.RECEIVABLE || a.type() == AccountType.PLATFORM_CREDIT
                        || a.type() == AccountType.HOLDBACK_UNCLAIMED))
                .forEach(a -> platformKeys.add(new Key(a.period(), a.owner(), a.currency())));
        List<PlatformPeriodFigures> platforms = new ArrayList<>();
        for (Key k : platformKeys) {
            String subject = "platform:" + k.party();
            long outstanding = j.balance(AccountId.receivable(k.party(), k.period(), k.currency()));
            long credit = j.balance(AccountId.platformCredit(k.party(), k.period(), k.currency()));
            long unclaimed = j.balance(AccountId.unclaimed(k.party(), k.period(), k.currency()));
            PlatformPeriodFigures f = new PlatformPeriodFigures(k.period(), k.party(), k.currency(), d.platformIssued.get(k),
                    j.platformPosted.get(k), j.collected.get(k), outstanding, credit, unclaimed);
            platforms.add(f);
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, f.issued(), f.posted(),
                    "owed per the platform's statements vs receivable posted to the ledger");
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, d.platformUnclaimed.get(k), j.unclaimedPosted.get(k),
                    "unclaimed per the platform's statements vs held back in the ledger");
            check(alarms, AlarmCode.HELD_BACK_MISMATCH, subject, k, d.platformUnclaimed.get(k) - d.releasedFromUnclaimed.get(k), unclaimed,
                    "unclaimed per statements less releases vs the unclaimed holdback balance");
            long expectedPosition = f.issued() - f.collected() + j.creditUsed.get(k) - d.releasedToPlatform.get(k);
            check(alarms, AlarmCode.OUTSTANDING_MISMATCH, subject, k, expectedPosition, outstanding - credit,
                    "issued - collected + credit used - credit granted vs receivable - credit in the ledger");
        }
        return platforms;
    }

    /** Every receipt posted for its amount. */
    private static void receipts(List<Receipt> receipts, JournalTotals j, List<ReconciliationAlarm> alarms) {
        for (Receipt r : receipts) {
            long cash = j.receiptCash.getOrDefault(r.sourceId(), 0L);
            if (cash != r.amount()) {
                alarms.add(alarm(AlarmCode.RECEIPT_NOT_POSTED, "receipt:" + r.sourceId(), null, r.currency(), r.amount(), cash,
                        "receipt amount vs cash posted to the clearing account for it"));
            }
        }
    }

    /** Every run's payment count and total per currency (pain.001 NbOfTxs and CtrlSum) equal its payout postings. */
    private static void runs(List<PayoutRun> runs, JournalTotals j, List<ReconciliationAlarm> alarms) {
        for (PayoutRun run : runs) {
            for (Map.Entry<String, Long> total : run.totalsByCurrency().entrySet()) {
                long count = 0;
                long sum = 0;
                long ledgerCount = 0;
                long ledgerSum = 0;
                for (Payment p : run.payments()) {
                    if (!p.currency().equals(total.getKey())) {
                        continue;
                    }
                    count++;
                    sum += p.amount();
                    long[] posted = j.payoutByPayment.getOrDefault(p.endToEndId(), new long[2]);
                    ledgerCount += posted[0];
                    ledgerSum += posted[1];
                }
                if (count != ledgerCount) {
                    alarms.add(alarm(AlarmCode.RUN_TOTAL_MISMATCH, "run:" + run.runId(), null, total.getKey(), count, ledgerCount,
                            "number of payments in the run vs payout postings in the ledger"));
                }
                if (sum != ledgerSum) {
                    alarms.add(alarm(AlarmCode.RUN_TOTAL_MISMATCH, "run:" + run.runId(), null, total.getKey(), sum, ledgerSum,
                            "control sum of the run vs payout postings in the ledger"));
                }
            }
        }
    }

    private static void check(List<ReconciliationAlarm> alarms, AlarmCode code, String subject, Key k, long expected, long actual, String what) {
        if (expected != actual) {
            alarms.add(alarm(code, subject, k.period(), k.currency(), expected, actual, what + ": expected " + expected + ", found " + actual));
        }
    }

    static ReconciliationAlarm alarm(AlarmCode code, String subject, String period, String ccy, long expected, long actual, String message) {
        return new ReconciliationAlarm(code, subject, period, ccy, expected, actual, message);
    }
}
