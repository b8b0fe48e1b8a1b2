package io.fairshare.payout.domain.reconciliation;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerRules;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.LineCategory;
import io.fairshare.payout.domain.statement.StatementKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private record Key(String period, String party, String currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = party.compareTo(o.party);
            }
            return c == 0 ? currency.compareTo(o.currency) : c;
        }
    }

    /** A sum per key. */
    private static final class Sums {
        private final Map<Key, Long> values = new HashMap<>();

        void add(Key key, long amount) {
            values.merge(key, amount, Math::addExact);
        }

        long get(Key key) {
            return values.getOrDefault(key, 0L);
        }

        Set<Key> keys() {
            return values.keySet();
        }
    }

    public static ReconciliationReport reconcile(ReconciliationInput in) {
        List<ReconciliationAlarm> alarms = new ArrayList<>();

        // ---- documents ----
        Map<String, IssuedStatement> platformStatements = new HashMap<>();
        Sums societyIssued = new Sums();
        Sums societyIssuedHeld = new Sums();
        Sums platformsPayable = new Sums();
        Sums platformsHeld = new Sums();
        Sums platformIssued = new Sums();
        Sums platformUnclaimed = new Sums();
        for (IssuedStatement s : in.statements()) {
            for (IssuedLine line : s.lines()) {
                String period = s.periodOf(line);
                String ccy = s.currency();
                if (s.kind() == StatementKind.SOCIETY) {
                    Key k = new Key(period, s.societyId(), ccy);
                    (line.category().isPayable() ? societyIssued : societyIssuedHeld).add(k, line.amount());
                } else {
                    platformIssued.add(new Key(period, s.platformId(), ccy), line.amount());
                    if (line.category() == LineCategory.UNCLAIMED) {
                        platformUnclaimed.add(new Key(period, s.platformId(), ccy), line.amount());
                    } else {
                        Key k = new Key(period, line.societyId(), ccy);
                        (line.category().isPayable() ? platformsPayable : platformsHeld).add(k, line.amount());
                    }
                }
            }
            if (s.kind() == StatementKind.PLATFORM) {
                platformStatements.put(s.statementId(), s);
            }
        }
        Map<String, Payment> payments = new HashMap<>();
        Sums paidDocs = new Sums();
        for (PayoutRun run : in.runs()) {
            for (Payment p : run.payments()) {
                payments.put(p.endToEndId(), p);
                PaymentStatus status = in.paymentStatuses().getOrDefault(p.endToEndId(), PaymentStatus.PLANNED);
                if (!status.isReversed()) {
                    for (PeriodAllocation a : p.allocations()) {
                        paidDocs.add(new Key(a.periodId(), p.societyId(), p.currency()), a.amount());
                    }
                }
            }
        }
        Set<String> releaseIds = new HashSet<>();
        Sums releasedToSocietyDocs = new Sums();
        Sums releasedToPlatformDocs = new Sums();
        Sums releasedFromSocietyDocs = new Sums();
        Sums releasedFromUnclaimedDocs = new Sums();
        for (HoldbackRelease r : in.releases()) {
            releaseIds.add(r.releaseId());
            AccountId h = r.holdback();
            AccountId target = r.target();
            (target.type() == AccountType.PAYABLE ? releasedToSocietyDocs : releasedToPlatformDocs)
                    .add(new Key(target.period(), target.owner(), target.currency()), r.amount());
            (h.type() == AccountType.HOLDBACK_UNCLAIMED ? releasedFromUnclaimedDocs : releasedFromSocietyDocs)
                    .add(new Key(h.period(), h.owner(), h.currency()), r.amount());
        }
        Map<String, Receipt> receipts = new HashMap<>();
        in.receipts().forEach(r -> receipts.put(r.sourceId(), r));

        // ---- journal ----
        Map<AccountId, Long> balances = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<AccountId> reportedNegative = new HashSet<>();
        Sums postedPayable = new Sums();
        Sums postedHeld = new Sums();
        Sums paidLedger = new Sums();
        Sums releasedIn = new Sums();
        Sums releasedOut = new Sums();
        Sums offsets = new Sums();
        Sums platformPosted = new Sums();
        Sums unclaimedPosted = new Sums();
        Sums collected = new Sums();
        Sums creditUsed = new Sums();
        Map<String, Long> receiptCash = new HashMap<>();
        Map<String, long[]> payoutByPayment = new HashMap<>();
        for (LedgerTransaction tx : in.journal()) {
            String subject = "transaction:" + tx.id();
            if (!seen.add(tx.id())) {
                alarms.add(alarm(AlarmCode.DUPLICATE_TRANSACTION, subject, null, null, 1, 2, "the journal records transaction " + tx.id() + " twice"));
            }
            LedgerRules.checkShape(tx).ifPresent(r -> alarms.add(alarm(AlarmCode.MALFORMED_TRANSACTION, subject, null, null, 0, 0, r.message())));
            if (!sourceKnown(tx.source(), platformStatements, receipts, payments, releaseIds)) {
                alarms.add(alarm(AlarmCode.UNKNOWN_SOURCE, subject, null, null, 0, 0, "no record of its source " + tx.source()));
            }
            SourceKind kind = tx.source().kind();
            for (Posting p : tx.postings()) {
                AccountId a = p.account();
                long effect = p.balanceEffect();
                balances.merge(a, effect, Math::addExact);
                if (!kind.mayTouch(a.type())) {
                    alarms.add(alarm(AlarmCode.UNEXPECTED_ACCOUNT, subject, a.period(), a.currency(), 0, p.amount(),
                            kind + " transaction posts to " + a));
                }
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
                            paidLedger.add(k, -effect);
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
            for (Posting p : tx.postings()) {
                AccountId a = p.account();
                if (!a.type().mayGoNegative() && balances.get(a) < 0 && reportedNegative.add(a)) {
                    alarms.add(alarm(AlarmCode.NEGATIVE_BALANCE, "account:" + a, a.period(), a.currency(), 0, balances.get(a),
                            "transaction " + tx.id() + " took " + a + " below zero"));
                }
            }
        }

        // ---- per (period, society) ----
        Set<Key> societyKeys = new TreeSet<>();
        for (Sums s : List.of(societyIssued, societyIssuedHeld, platformsPayable, platformsHeld, postedPayable, postedHeld, paidDocs,
                paidLedger, releasedToSocietyDocs, releasedIn, releasedOut, releasedFromSocietyDocs, offsets)) {
            s.keys().stream().filter(k -> !k.period().isEmpty()).forEach(societyKeys::add);
        }
        balances.keySet().stream()
                .filter(a -> switch (a.type()) {
                    case PAYABLE, RECOVERABLE, HOLDBACK_DISPUTED, HOLDBACK_RESERVED -> true;
                    default -> false;
                })
                .forEach(a -> societyKeys.add(new Key(a.period(), a.owner(), a.currency())));
        List<SocietyPeriodFigures> societies = new ArrayList<>();
        Map<String, Long> offsetPerSociety = new TreeMap<>();
        for (Key k : societyKeys) {
            String subject = "society:" + k.party();
            long payable = balances.getOrDefault(AccountId.payable(k.party(), k.period(), k.currency()), 0L);
            long recoverable = balances.getOrDefault(AccountId.recoverable(k.party(), k.period(), k.currency()), 0L);
            long held = balances.getOrDefault(AccountId.disputed(k.party(), k.period(), k.currency()), 0L)
                    + balances.getOrDefault(AccountId.reserved(k.party(), k.period(), k.currency()), 0L);
            SocietyPeriodFigures f = new SocietyPeriodFigures(k.period(), k.party(), k.currency(),
                    societyIssued.get(k), societyIssuedHeld.get(k), postedPayable.get(k), postedHeld.get(k), paidLedger.get(k),
                    releasedIn.get(k), offsets.get(k), payable, recoverable, held);
            societies.add(f);
            offsetPerSociety.merge(k.party() + "|" + k.currency(), f.offset(), Math::addExact);
            check(alarms, AlarmCode.STATEMENTS_DISAGREE, subject, k, platformsPayable.get(k), f.issued(),
                    "payable per the platforms' statements vs the society's own statements");
            check(alarms, AlarmCode.STATEMENTS_DISAGREE, subject, k, platformsHeld.get(k), f.issuedHeld(),
                    "held back per the platforms' statements vs the society's own statements");
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, platformsPayable.get(k), f.posted(),
                    "payable per the platforms' statements vs posted to the ledger");
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, platformsHeld.get(k), f.postedHeld(),
                    "held back per the platforms' statements vs posted to the ledger");
            check(alarms, AlarmCode.PAID_DIFFERS_FROM_PAYMENTS, subject, k, paidDocs.get(k), f.paid(),
                    "paid per the runs' payments (not failed or returned) vs paid in the ledger");
            check(alarms, AlarmCode.RELEASE_DIFFERS_FROM_DECISIONS, subject, k, releasedToSocietyDocs.get(k), f.released(),
                    "released to the payable per decisions vs in the ledger");
            check(alarms, AlarmCode.RELEASE_DIFFERS_FROM_DECISIONS, subject, k, releasedFromSocietyDocs.get(k), releasedOut.get(k),
                    "released from the society's holdbacks per decisions vs in the ledger");
            long expectedPosition = platformsPayable.get(k) + releasedToSocietyDocs.get(k) - paidDocs.get(k) + f.offset();
            check(alarms, AlarmCode.CARRIED_FORWARD_MISMATCH, subject, k, expectedPosition, payable - recoverable,
                    "issued + released - paid + offsets vs payable - recoverable in the ledger");
            check(alarms, AlarmCode.HELD_BACK_MISMATCH, subject, k, platformsHeld.get(k) - releasedFromSocietyDocs.get(k), held,
                    "held back per statements less releases vs the holdback balances");
        }
        offsetPerSociety.forEach((societyAndCcy, sum) -> {
            if (sum != 0) {
                String[] parts = societyAndCcy.split("\\|", -1);
                alarms.add(alarm(AlarmCode.OFFSETS_DO_NOT_NET, "society:" + parts[0], null, parts[1], 0, sum,
                        "recovery offsets over the society's periods sum to " + sum));
            }
        });

        // ---- per (period, platform) ----
        Set<Key> platformKeys = new TreeSet<>();
        for (Sums s : List.of(platformIssued, platformUnclaimed, platformPosted, unclaimedPosted, collected, creditUsed,
                releasedToPlatformDocs, releasedFromUnclaimedDocs)) {
            s.keys().stream().filter(k -> !k.period().isEmpty()).forEach(platformKeys::add);
        }
        balances.keySet().stream()
                .filter(a -> a.period() != null && (a.type() == AccountType.RECEIVABLE || a.type() == AccountType.PLATFORM_CREDIT
                        || a.type() == AccountType.HOLDBACK_UNCLAIMED))
                .forEach(a -> platformKeys.add(new Key(a.period(), a.owner(), a.currency())));
        List<PlatformPeriodFigures> platforms = new ArrayList<>();
        for (Key k : platformKeys) {
            String subject = "platform:" + k.party();
            long outstanding = balances.getOrDefault(AccountId.receivable(k.party(), k.period(), k.currency()), 0L);
            long credit = balances.getOrDefault(AccountId.platformCredit(k.party(), k.period(), k.currency()), 0L);
            long unclaimed = balances.getOrDefault(AccountId.unclaimed(k.party(), k.period(), k.currency()), 0L);
            PlatformPeriodFigures f = new PlatformPeriodFigures(k.period(), k.party(), k.currency(), platformIssued.get(k),
                    platformPosted.get(k), collected.get(k), outstanding, credit, unclaimed);
            platforms.add(f);
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, f.issued(), f.posted(),
                    "owed per the platform's statements vs receivable posted to the ledger");
            check(alarms, AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, subject, k, platformUnclaimed.get(k), unclaimedPosted.get(k),
                    "unclaimed per the platform's statements vs held back in the ledger");
            check(alarms, AlarmCode.HELD_BACK_MISMATCH, subject, k, platformUnclaimed.get(k) - releasedFromUnclaimedDocs.get(k), unclaimed,
                    "unclaimed per statements less releases vs the unclaimed holdback balance");
            long expectedPosition = f.issued() - f.collected() + creditUsed.get(k) - releasedToPlatformDocs.get(k);
            check(alarms, AlarmCode.OUTSTANDING_MISMATCH, subject, k, expectedPosition, outstanding - credit,
                    "issued - collected + credit used - credit granted vs receivable - credit in the ledger");
        }

        // ---- receipts and runs ----
        for (Receipt r : in.receipts()) {
            long cash = receiptCash.getOrDefault(r.sourceId(), 0L);
            if (cash != r.amount()) {
                alarms.add(alarm(AlarmCode.RECEIPT_NOT_POSTED, "receipt:" + r.sourceId(), null, r.currency(), r.amount(), cash,
                        "receipt amount vs cash posted to the clearing account for it"));
            }
        }
        for (PayoutRun run : in.runs()) {
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
                    long[] posted = payoutByPayment.getOrDefault(p.endToEndId(), new long[2]);
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
        return new ReconciliationReport(societies, platforms, alarms);
    }

    private static boolean sourceKnown(SourceRef source, Map<String, IssuedStatement> statements, Map<String, Receipt> receipts,
            Map<String, Payment> payments, Set<String> releases) {
        return switch (source.kind()) {
            case STATEMENT -> statements.containsKey(source.id());
            case RECEIPT -> receipts.containsKey(source.id());
            case PAYOUT, PAYMENT_SETTLED, PAYMENT_FAILED, PAYMENT_RETURNED -> payments.containsKey(source.id());
            case HOLDBACK_RELEASE -> releases.contains(source.id());
            case CREDIT_APPLICATION, RECOVERY_OFFSET -> statements.containsKey(source.id()) || payments.containsKey(source.id())
                    || releases.contains(source.id());
        };
    }

    private static void check(List<ReconciliationAlarm> alarms, AlarmCode code, String subject, Key k, long expected, long actual, String what) {
        if (expected != actual) {
            alarms.add(alarm(code, subject, k.period(), k.currency(), expected, actual, what + ": expected " + expected + ", found " + actual));
        }
    }

    private static ReconciliationAlarm alarm(AlarmCode code, String subject, String period, String ccy, long expected, long actual, String message) {
        return new ReconciliationAlarm(code, subject, period, ccy, expected, actual, message);
    }
}
