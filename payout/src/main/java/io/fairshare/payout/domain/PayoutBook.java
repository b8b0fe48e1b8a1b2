package io.fairshare.payout.domain;

import io.fairshare.payout.domain.ledger.Ledger;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.PostResult;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentPosting;
import io.fairshare.payout.domain.payment.PaymentReceivedPosting;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.PaymentStatusMachine;
import io.fairshare.payout.domain.payment.PaymentStatusPosting;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.payment.StatusChange;
import io.fairshare.payout.domain.reconciliation.Reconciliation;
import io.fairshare.payout.domain.reconciliation.ReconciliationInput;
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.HoldbackReleasePosting;
import io.fairshare.payout.domain.run.PayoutPlanner;
import io.fairshare.payout.domain.run.PayoutRequest;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.run.PayoutThresholds;
import io.fairshare.payout.domain.run.RunPosting;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.SocietyPeriod;
import io.fairshare.payout.domain.statement.StatementKind;
import io.fairshare.payout.domain.statement.StatementPosting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payout use cases over a {@link LedgerStore} and {@link PayoutRecords}: what the adapters call, each
 * in one database transaction. Every use case is idempotent on its document's id; a document id seen again
 * with other content is refused. With {@link Ledger} and the test code's {@code InMemoryPayoutRecords} it is the
 * reference model the PostgreSQL implementation is tested against.
 *
 * <p>Order inside each use case: check the inbox first (never recompute postings for a document already
 * handled: balances have moved since), then compute postings from current balances, post them atomically,
 * then record the document.
 */
public final class PayoutBook {
    private final LedgerStore ledger;
    private final PayoutRecords records;

    public PayoutBook(LedgerStore ledger, PayoutRecords records) {
        this.ledger = ledger;
        this.records = records;
    }

    public LedgerStore ledger() {
        return ledger;
    }

    public PayoutRecords records() {
        return records;
    }

    /** An issued statement: PLATFORM statements are posted; SOCIETY statements are recorded for reconciliation. */
    public Result<Handled> receiveStatement(IssuedStatement statement) {
        Optional<Rejection> invalid = statement.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        Optional<IssuedStatement> seen = records.statement(statement.statementId());
        if (seen.isPresent()) {
            return seen.get().equals(statement) ? Result.ok(Handled.duplicate())
                    : Result.rejected(ErrorCode.STATEMENT_ID_CONFLICT,
                            "statement " + statement.statementId() + " was delivered before with different content; issued statements never change");
        }
        Result<List<LedgerTransaction>> postings = StatementPosting.postingsFor(statement, ledger);
        return postAndRecord(postings, () -> records.saveStatement(statement));
    }

    /** Money received from a platform, allocated to its open receivables oldest period first. */
    public Result<Handled> receivePayment(Receipt receipt) {
        Optional<Rejection> invalid = receipt.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        Optional<Receipt> seen = records.receipt(receipt.sourceId());
        if (seen.isPresent()) {
            return seen.get().equals(receipt) ? Result.ok(Handled.duplicate())
                    : Result.rejected(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "idempotency key " + receipt.idempotencyKey() + " of platform " + receipt.platformId() + " was used for another receipt");
        }
        return postAndRecord(PaymentReceivedPosting.postingsFor(receipt, ledger).map(List::of), () -> records.saveReceipt(receipt));
    }

    /** Registers or replaces a society's bank details; a run keeps the details it was planned with. */
    public Result<BankDetails> registerBankDetails(String societyId, BankDetails details) {
        if (societyId == null || societyId.isBlank()) {
            return Result.rejected(ErrorCode.INVALID_BANK_DETAILS, "societyId is required");
        }
        Optional<Rejection> invalid = details.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        records.saveBankDetails(societyId, details);
        return Result.ok(details);
    }

    /**
     * Plans a run, once per run id: the same id again returns the run planned the first time (its request
     * must match). Refused while another run has payments not yet posted, so that no payable is planned twice.
     */
    public Result<PayoutRun> planRun(PayoutRequest request, PayoutThresholds thresholds) {
        Optional<Rejection> invalid = request.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        Optional<PayoutRun> existing = records.run(request.runId());
        if (existing.isPresent()) {
            return existing.get().matches(request) ? Result.ok(existing.get())
                    : Result.rejected(ErrorCode.RUN_ID_CONFLICT, "run " + request.runId() + " was planned for value date "
                            + existing.get().valueDate() + " created " + existing.get().createdAt() + "; a new run needs a new id");
        }
        for (PayoutRun run : records.runs()) {
            for (Payment p : run.payments()) {
                if (!ledger.contains(PaymentPosting.transactionId(p.endToEndId()))) {
                    return Result.rejected(ErrorCode.RUN_IN_PROGRESS,
                            "run " + run.runId() + " has payments not yet posted; finish it (post it again) before planning " + request.runId());
                }
            }
        }
        Result<PayoutRun> planned = PayoutPlanner.plan(request, ledger, records.bankDetails(), thresholds, societyStatementIndex());
        if (planned instanceof Result.Ok<PayoutRun> ok) {
            records.saveRun(ok.value());
        }
        return planned;
    }

    /** Posts a planned run's payments, each idempotently: posting a run again (after a crash) posts only what is missing. */
    public Result<RunPosting> postRun(String runId) {
        Optional<PayoutRun> found = records.run(runId);
        if (found.isEmpty()) {
            return Result.rejected(ErrorCode.UNKNOWN_RUN, "no run " + runId + " was planned");
        }
        PayoutRun run = found.get();
        List<String> posted = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<RunPosting.Refusal> refused = new ArrayList<>();
        for (Payment p : run.payments()) {
            PostResult result = ledger.post(PaymentPosting.postingsFor(p));
            if (result instanceof PostResult.Refused r) {
                refused.add(new RunPosting.Refusal(p.endToEndId(), r.rejection()));
            } else if (result instanceof PostResult.AlreadyPosted) {
                already.add(p.endToEndId());
            } else {
                posted.add(p.endToEndId());
            }
        }
        return Result.ok(new RunPosting(run, posted, already, refused));
    }

    /** Plans (once) and posts (idempotently) a run. */
    public Result<RunPosting> runPayout(PayoutRequest request, PayoutThresholds thresholds) {
        Result<PayoutRun> planned = planRun(request, thresholds);
        if (planned instanceof Result.Rejected<PayoutRun> rejected) {
            return Result.rejected(rejected.rejection());
        }
        return postRun(request.runId());
    }

    /** A payment status reported by the bank; FAILED and RETURNED restore the society's payable. */
    public Result<Handled> updatePaymentStatus(String endToEndId, PaymentStatus status) {
        Optional<Payment> payment = records.payment(endToEndId);
        if (payment.isEmpty()) {
            return Result.rejected(ErrorCode.UNKNOWN_PAYMENT, "no payment " + endToEndId);
        }
        if (!ledger.contains(PaymentPosting.transactionId(endToEndId))) {
            return Result.rejected(ErrorCode.PAYMENT_NOT_POSTED,
                    "payment " + endToEndId + " of run " + payment.get().runId() + " is not posted; post the run first");
        }
        PaymentStatus current = records.paymentStatus(endToEndId).orElse(PaymentStatus.PLANNED);
        StatusChange change = PaymentStatusMachine.change(current, status);
        if (change instanceof StatusChange.Unchanged) {
            return Result.ok(Handled.duplicate());
        }
        Result<List<LedgerTransaction>> postings = PaymentStatusPosting.postingsFor(payment.get(), current, status, ledger);
        return postAndRecord(postings, () -> records.savePaymentStatus(endToEndId, status));
    }

    /** A decision on held-back money. */
    public Result<Handled> releaseHoldback(HoldbackRelease release) {
        Optional<Rejection> invalid = release.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        Optional<HoldbackRelease> seen = records.release(release.releaseId());
        if (seen.isPresent()) {
            return seen.get().equals(release) ? Result.ok(Handled.duplicate())
                    : Result.rejected(ErrorCode.RELEASE_ID_CONFLICT, "release " + release.releaseId() + " was decided before with different content");
        }
        return postAndRecord(HoldbackReleasePosting.postingsFor(release, ledger), () -> records.saveRelease(release));
    }

    /** Reconciles the whole ledger against every record. */
    public ReconciliationReport reconcile() {
        return Reconciliation.reconcile(new ReconciliationInput(ledger.journal(), records.statements(), records.receipts(), records.runs(),
                records.paymentStatuses(), records.releases()));
    }

    /** Society statement ids per (society, period), for the payments' remittance information. */
    private Map<SocietyPeriod, List<String>> societyStatementIndex() {
        Map<SocietyPeriod, List<String>> index = new HashMap<>();
        for (IssuedStatement s : records.statements()) {
            if (s.kind() != StatementKind.SOCIETY) {
                continue;
            }
            List<String> periods = new ArrayList<>(List.of(s.periodId()));
            s.lines().forEach(l -> periods.add(s.periodOf(l)));
            periods.stream().distinct().forEach(period -> {
                List<String> ids = index.computeIfAbsent(new SocietyPeriod(s.societyId(), period), k -> new ArrayList<>());
                if (!ids.contains(s.statementId())) {
                    ids.add(s.statementId());
                }
            });
        }
        return index;
    }

    private Result<Handled> postAndRecord(Result<List<LedgerTransaction>> postings, Runnable record) {
        if (postings instanceof Result.Rejected<List<LedgerTransaction>> rejected) {
            return Result.rejected(rejected.rejection());
        }
        List<LedgerTransaction> transactions = postings.orElseThrow();
        if (transactions.isEmpty()) {
            record.run();
            return Result.ok(Handled.recorded());
        }
        PostResult result = ledger.postAll(transactions);
        if (result instanceof PostResult.Refused refused) {
            return Result.rejected(refused.rejection());
        }
        record.run();
        if (result instanceof PostResult.Posted posted) {
            return Result.ok(new Handled(Handled.Outcome.POSTED, posted.posted()));
        }
        return Result.ok(Handled.duplicate());
    }
}
