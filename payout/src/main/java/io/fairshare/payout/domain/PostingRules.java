package io.fairshare.payout.domain;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.BalanceOverlay;
import io.fairshare.payout.domain.ledger.Balances;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.PaymentStatusMachine;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.payment.StatusChange;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.StatementKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The posting rules: pure functions from an event (and, where the rule depends on them, the current balances)
 * to balanced ledger transactions with deterministic ids. They post nothing themselves; the caller records
 * the result atomically with {@link LedgerStore#postAll}. The README has the table of every rule.
 *
 * <p>Two follow-up rules keep balances on one side only, and run after every event that can create both:
 * <ul>
 *   <li><b>credit application</b>: a platform's credit pays its open receivables, oldest period first
 *       (Dr PLATFORM_CREDIT, Cr RECEIVABLE);</li>
 *   <li><b>recovery offset</b>: a society's recoverable is taken from its payables, oldest period first
 *       (Dr PAYABLE, Cr RECOVERABLE).</li>
 * </ul>
 * So a platform never has both an open receivable and a credit, and a society never both a payable and a
 * recoverable, in one currency.
 */
public final class PostingRules {
    private PostingRules() {
    }

    // ---- transaction ids -------------------------------------------------------------------------------

    public static String statementTransactionId(String statementId) {
        return "statement:" + statementId;
    }

    public static String receiptTransactionId(Receipt receipt) {
        return "receipt:" + receipt.sourceId();
    }

    public static String payoutTransactionId(String endToEndId) {
        return "payout:" + endToEndId;
    }

    public static String statusTransactionId(String endToEndId, PaymentStatus status) {
        return "payment:" + endToEndId + ":" + status.name().toLowerCase(Locale.ROOT);
    }

    public static String releaseTransactionId(String releaseId) {
        return "release:" + releaseId;
    }

    // ---- statements --------------------------------------------------------------------------------------

    /**
     * Postings for an issued statement. A SOCIETY statement posts nothing (it is the same money seen from the
     * society; reconciliation uses it). A PLATFORM statement, with each line's money in the line's period:
     * <ul>
     *   <li>positive amounts: Cr PAYABLE (LICENSED, UNLICENSED) or the holdback (RESERVED_PENALTY, DISPUTED,
     *       UNCLAIMED), Dr RECEIVABLE of the platform;</li>
     *   <li>negative amounts (a credit note), netted per account first: Dr PAYABLE up to its balance, the rest
     *       Dr RECOVERABLE; Cr RECEIVABLE up to what is open, the rest Cr PLATFORM_CREDIT. A credit larger
     *       than a holdback's balance is refused (the money was already decided; a person must look).</li>
     * </ul>
     * followed by credit application and recovery offset where they apply.
     */
    public static Result<List<LedgerTransaction>> postingsFor(IssuedStatement statement, Balances balances) {
        Optional<Rejection> invalid = statement.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        if (statement.kind() == StatementKind.SOCIETY) {
            return Result.ok(List.of());
        }
        String ccy = statement.currency();
        String platform = statement.platformId();
        Map<AccountId, Long> byAccount = new TreeMap<>();
        Map<String, Long> byPeriod = new TreeMap<>();
        for (IssuedLine line : statement.lines()) {
            if (line.amount() == 0) {
                continue;
            }
            String period = statement.periodOf(line);
            byAccount.merge(targetOf(line, platform, period, ccy), line.amount(), Math::addExact);
            byPeriod.merge(period, line.amount(), Math::addExact);
        }
        List<Posting> postings = new ArrayList<>();
        for (Map.Entry<AccountId, Long> e : byAccount.entrySet()) {
            if (e.getValue() > 0) {
                postings.add(Posting.increase(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<AccountId, Long> e : byAccount.entrySet()) {
            if (e.getValue() >= 0) {
                continue;
            }
            AccountId account = e.getKey();
            long credit = -e.getValue();
            long available = Math.max(0, balances.balance(account));
            if (account.type() == AccountType.PAYABLE) {
                long fromPayable = Math.min(credit, available);
                if (fromPayable > 0) {
                    postings.add(Posting.decrease(account, fromPayable));
                }
                if (credit > fromPayable) {
                    postings.add(Posting.increase(AccountId.recoverable(account.owner(), account.period(), ccy), credit - fromPayable));
                }
            } else {
                if (credit > available) {
                    return Result.rejected(ErrorCode.HOLDBACK_CREDIT_EXCEEDS_BALANCE, "statement " + statement.statementId()
                            + " credits " + credit + " to " + account + " which holds " + available);
                }
                postings.add(Posting.decrease(account, credit));
            }
        }
        for (Map.Entry<String, Long> e : byPeriod.entrySet()) {
            AccountId receivable = AccountId.receivable(platform, e.getKey(), ccy);
            long net = e.getValue();
            if (net > 0) {
                postings.add(Posting.increase(receivable, net));
            } else if (net < 0) {
                long credit = -net;
                long fromReceivable = Math.min(credit, Math.max(0, balances.balance(receivable)));
                if (fromReceivable > 0) {
                    postings.add(Posting.decrease(receivable, fromReceivable));
                }
                if (credit > fromReceivable) {
                    postings.add(Posting.increase(AccountId.platformCredit(platform, e.getKey(), ccy), credit - fromReceivable));
                }
            }
        }
        if (postings.isEmpty()) {
            return Result.ok(List.of());
        }
        String id = statement.statementId();
        LedgerTransaction main = new LedgerTransaction(statementTransactionId(id), new SourceRef(SourceKind.STATEMENT, id), postings);
        List<LedgerTransaction> result = new ArrayList<>(List.of(main));
        BalanceOverlay after = new BalanceOverlay(balances).apply(main);
        creditApplication(List.of(platform), ccy, after, main.id() + ":credit-applied", id).ifPresent(tx -> {
            result.add(tx);
            after.apply(tx);
        });
        recoveryOffset(societiesIn(main), ccy, after, main.id() + ":recovery-offset", id).ifPresent(result::add);
        return Result.ok(result);
    }

    private static AccountId targetOf(IssuedLine line, String platform, String period, String ccy) {
        return switch (line.category()) {
            case LICENSED, UNLICENSED -> AccountId.payable(line.societyId(), period, ccy);
            case RESERVED_PENALTY -> AccountId.reserved(line.societyId(), period, ccy);
            case DISPUTED -> AccountId.disputed(line.societyId(), period, ccy);
            case UNCLAIMED -> AccountId.unclaimed(platform, period, ccy);
        };
    }

    private static SortedSet<String> societiesIn(LedgerTransaction tx) {
        SortedSet<String> societies = new TreeSet<>();
        for (Posting p : tx.postings()) {
            if (p.account().type() == AccountType.PAYABLE || p.account().type() == AccountType.RECOVERABLE) {
                societies.add(p.account().owner());
            }
        }
        return societies;
    }

    // ---- receipts ----------------------------------------------------------------------------------------

    /**
     * Money received from a platform: Dr CLEARING; Cr the platform's open RECEIVABLEs in that currency, oldest
     * period first, each up to its balance; any rest Cr PLATFORM_CREDIT without a period (an overpayment,
     * applied to the platform's next statements).
     */
    public static Result<LedgerTransaction> postingsForPaymentReceived(Receipt receipt, Balances balances) {
        Optional<Rejection> invalid = receipt.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        String ccy = receipt.currency();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.increase(AccountId.clearing(ccy), receipt.amount()));
        long rest = receipt.amount();
        for (AccountId receivable : balances.openAccountsOf(AccountType.RECEIVABLE, receipt.platformId(), ccy)) {
            if (rest == 0) {
                break;
            }
            long applied = Math.min(rest, balances.balance(receivable));
            postings.add(Posting.decrease(receivable, applied));
            rest -= applied;
        }
        if (rest > 0) {
            postings.add(Posting.increase(AccountId.platformCredit(receipt.platformId(), null, ccy), rest));
        }
        return Result.ok(new LedgerTransaction(receiptTransactionId(receipt), new SourceRef(SourceKind.RECEIPT, receipt.sourceId()), postings));
    }

    // ---- payout runs and payment status -----------------------------------------------------------------

    /** One transaction per payment, in the run's order. See {@link #postingsForPayment}. */
    public static List<LedgerTransaction> postingsForPayoutRun(PayoutRun run) {
        return run.payments().stream().map(PostingRules::postingsForPayment).toList();
    }

    /** A payment leaves the payable: Dr PAYABLE per allocated period, Cr IN_TRANSIT of the society. */
    public static LedgerTransaction postingsForPayment(Payment payment) {
        List<Posting> postings = new ArrayList<>();
        for (PeriodAllocation a : payment.allocations()) {
            postings.add(Posting.decrease(AccountId.payable(payment.societyId(), a.periodId(), payment.currency()), a.amount()));
        }
        postings.add(Posting.increase(AccountId.inTransit(payment.societyId(), payment.currency()), payment.amount()));
        return new LedgerTransaction(payoutTransactionId(payment.endToEndId()), new SourceRef(SourceKind.PAYOUT, payment.endToEndId()), postings);
    }

    /** The bank settled the payment: Dr IN_TRANSIT, Cr CLEARING. */
    public static LedgerTransaction postingsForPaymentSettled(Payment payment) {
        String ccy = payment.currency();
        return new LedgerTransaction(statusTransactionId(payment.endToEndId(), PaymentStatus.SETTLED),
                new SourceRef(SourceKind.PAYMENT_SETTLED, payment.endToEndId()),
                List.of(Posting.decrease(AccountId.inTransit(payment.societyId(), ccy), payment.amount()),
                        Posting.decrease(AccountId.clearing(ccy), payment.amount())));
    }

    /** A sent payment failed: Dr IN_TRANSIT, Cr PAYABLE per allocated period (restored); then recovery offset. */
    public static List<LedgerTransaction> postingsForPaymentFailed(Payment payment, Balances balances) {
        return reversal(payment, PaymentStatus.FAILED, SourceKind.PAYMENT_FAILED,
                Posting.decrease(AccountId.inTransit(payment.societyId(), payment.currency()), payment.amount()), balances);
    }

    /** A settled payment came back: Dr CLEARING, Cr PAYABLE per allocated period (restored); then recovery offset. */
    public static List<LedgerTransaction> postingsForPaymentReturned(Payment payment, Balances balances) {
        return reversal(payment, PaymentStatus.RETURNED, SourceKind.PAYMENT_RETURNED,
                Posting.increase(AccountId.clearing(payment.currency()), payment.amount()), balances);
    }

    private static List<LedgerTransaction> reversal(Payment payment, PaymentStatus status, SourceKind kind, Posting from, Balances balances) {
        List<Posting> postings = new ArrayList<>(List.of(from));
        for (PeriodAllocation a : payment.allocations()) {
            postings.add(Posting.increase(AccountId.payable(payment.societyId(), a.periodId(), payment.currency()), a.amount()));
        }
        LedgerTransaction tx = new LedgerTransaction(statusTransactionId(payment.endToEndId(), status),
                new SourceRef(kind, payment.endToEndId()), postings);
        List<LedgerTransaction> result = new ArrayList<>(List.of(tx));
        recoveryOffset(List.of(payment.societyId()), payment.currency(), new BalanceOverlay(balances).apply(tx),
                tx.id() + ":recovery-offset", payment.endToEndId()).ifPresent(result::add);
        return result;
    }

    /**
     * Postings for a status change, decided by {@link PaymentStatusMachine}: none for SENT or a repeated
     * status; SETTLED, FAILED, RETURNED as above; an illegal change is refused with its reason.
     */
    public static Result<List<LedgerTransaction>> postingsForStatusChange(Payment payment, PaymentStatus from, PaymentStatus to, Balances balances) {
        StatusChange change = PaymentStatusMachine.change(from, to);
        if (change instanceof StatusChange.Refused refused) {
            return Result.rejected(refused.rejection());
        }
        if (change instanceof StatusChange.Unchanged) {
            return Result.ok(List.of());
        }
        return Result.ok(switch (to) {
            case PLANNED, SENT -> List.of();
            case SETTLED -> List.of(postingsForPaymentSettled(payment));
            case FAILED -> postingsForPaymentFailed(payment, balances);
            case RETURNED -> postingsForPaymentReturned(payment, balances);
        });
    }

    // ---- holdbacks ---------------------------------------------------------------------------------------

    /**
     * A holdback decided: Dr the holdback (up to its balance, else refused), Cr the beneficiary society's
     * PAYABLE or the platform's PLATFORM_CREDIT, in the holdback's period; then recovery offset or credit
     * application for the beneficiary.
     */
    public static Result<List<LedgerTransaction>> postingsForHoldbackRelease(HoldbackRelease release, Balances balances) {
        Optional<Rejection> invalid = release.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        long held = balances.balance(release.holdback());
        if (release.amount() > held) {
            return Result.rejected(ErrorCode.HOLDBACK_RELEASE_EXCEEDS_BALANCE,
                    "release " + release.releaseId() + " of " + release.amount() + " exceeds " + release.holdback() + " which holds " + held);
        }
        AccountId target = release.target();
        LedgerTransaction tx = new LedgerTransaction(releaseTransactionId(release.releaseId()),
                new SourceRef(SourceKind.HOLDBACK_RELEASE, release.releaseId()),
                List.of(Posting.decrease(release.holdback(), release.amount()), Posting.increase(target, release.amount())));
        List<LedgerTransaction> result = new ArrayList<>(List.of(tx));
        BalanceOverlay after = new BalanceOverlay(balances).apply(tx);
        Optional<LedgerTransaction> follow = target.type() == AccountType.PAYABLE
                ? recoveryOffset(List.of(target.owner()), target.currency(), after, tx.id() + ":recovery-offset", release.releaseId())
                : creditApplication(List.of(target.owner()), target.currency(), after, tx.id() + ":credit-applied", release.releaseId());
        follow.ifPresent(result::add);
        return Result.ok(result);
    }

    // ---- follow-up rules ---------------------------------------------------------------------------------

    /** Each platform's credits (unallocated first, then oldest period) pay its open receivables, oldest first. */
    static Optional<LedgerTransaction> creditApplication(Collection<String> platforms, String ccy, Balances balances, String txId, String sourceId) {
        List<Posting> postings = new ArrayList<>();
        for (String platform : new TreeSet<>(platforms)) {
            match(balances.openAccountsOf(AccountType.PLATFORM_CREDIT, platform, ccy),
                    balances.openAccountsOf(AccountType.RECEIVABLE, platform, ccy), balances, postings);
        }
        return postings.isEmpty() ? Optional.empty()
                : Optional.of(new LedgerTransaction(txId, new SourceRef(SourceKind.CREDIT_APPLICATION, sourceId), postings));
    }

    /** Each society's recoverables (oldest first) are taken from its open payables, oldest first. */
    static Optional<LedgerTransaction> recoveryOffset(Collection<String> societies, String ccy, Balances balances, String txId, String sourceId) {
        List<Posting> postings = new ArrayList<>();
        for (String society : new TreeSet<>(societies)) {
            match(balances.openAccountsOf(AccountType.RECOVERABLE, society, ccy),
                    balances.openAccountsOf(AccountType.PAYABLE, society, ccy), balances, postings);
        }
        return postings.isEmpty() ? Optional.empty()
                : Optional.of(new LedgerTransaction(txId, new SourceRef(SourceKind.RECOVERY_OFFSET, sourceId), postings));
    }

    /** Lowers both sides first-in first-out until one side is exhausted. */
    private static void match(List<AccountId> sources, List<AccountId> sinks, Balances balances, List<Posting> out) {
        int i = 0;
        int j = 0;
        long sourceLeft = sources.isEmpty() ? 0 : balances.balance(sources.get(0));
        long sinkLeft = sinks.isEmpty() ? 0 : balances.balance(sinks.get(0));
        while (i < sources.size() && j < sinks.size()) {
            long amount = Math.min(sourceLeft, sinkLeft);
            out.add(Posting.decrease(sources.get(i), amount));
            out.add(Posting.decrease(sinks.get(j), amount));
            sourceLeft -= amount;
            sinkLeft -= amount;
            if (sourceLeft == 0 && ++i < sources.size()) {
                sourceLeft = balances.balance(sources.get(i));
            }
            if (sinkLeft == 0 && ++j < sinks.size()) {
                sinkLeft = balances.balance(sinks.get(j));
            }
        }
    }
}
