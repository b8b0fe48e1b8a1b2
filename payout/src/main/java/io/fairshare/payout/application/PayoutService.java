package io.fairshare.payout.application;

import io.fairshare.payout.config.PayoutSettings;
import io.fairshare.payout.domain.Handled;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Side;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentReceivedPosting;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRequest;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.run.PayoutThresholds;
import io.fairshare.payout.domain.run.RunPosting;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.iso20022.Pain001File;
import io.fairshare.payout.iso20022.Pain001Writer;
import io.fairshare.payout.persistence.PayoutDatabase.RunFile;
import io.fairshare.payout.persistence.PayoutDatabase;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Payout's use cases over PostgreSQL: each is one {@link PayoutDatabase} transaction around the domain's
 * {@link io.fairshare.payout.domain.PayoutBook}. A rejection is thrown as problem+json and rolls the
 * transaction back. Each administrative change writes its admin-audit row (actor, action, subject, detail) in
 * the same transaction as the change, so there is never a change without its audit row, nor a row without it.
 */
@ApplicationScoped
public class PayoutService {
    private static final Logger LOG = Logger.getLogger(PayoutService.class);

    /** What a statement delivery did. */
    public record StatementOutcome(Handled.Outcome outcome, int transactions) {
    }

    /** A receipt and its ledger transaction; {@code created} is false for a replay of the same key and content. */
    public record ReceiptOutcome(boolean created, Receipt receipt, LedgerTransaction transaction) {
    }

    /** A run, its payments' statuses and its pain.001 file (none when nothing was paid). */
    public record RunOutcome(boolean created, PayoutRun run, Map<String, PaymentStatus> statuses, Optional<RunFile> file, Optional<Path> path) {
        /** The stored pain.001 XML, none when the run paid nothing. */
        public Optional<String> pain001Xml() {
            return file.map(RunFile::xml);
        }
    }

    /** A holdback decision; {@code created} is false for a replay of the same release id and content. */
    public record ReleaseOutcome(boolean created, HoldbackRelease release) {
    }

    public record StatusOutcome(Payment payment, PaymentStatus status, Handled.Outcome outcome) {
    }

    private final PayoutDatabase db;
    private final PayoutSettings settings;
    private final RunFiles files;
    private final PayoutMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public PayoutService(PayoutDatabase db, PayoutSettings settings, RunFiles files, PayoutMetrics metrics) {
        this.db = db;
        this.settings = settings;
        this.files = files;
        this.metrics = metrics;
    }

    /** Books an issued statement once: a redelivery is a DUPLICATE; a rejection is returned, not thrown (the consumer records it). */
    public Result<StatementOutcome> receiveStatement(IssuedStatement statement) {
        Result<Handled> r = db.write(tx -> tx.book().receiveStatement(statement));
        if (r instanceof Result.Ok<Handled> ok) {
            metrics.statement(ok.value().outcome().name());
            return Result.ok(new StatementOutcome(ok.value().outcome(), ok.value().transactions().size()));
        }
        return Result.rejected(r.rejection());
    }

    /** Books a platform's payment once per idempotency key; the first booking is audited with {@code actor}. */
    public ReceiptOutcome receivePayment(Caller actor, Receipt receipt) {
        return db.write(tx -> {
            boolean seen = tx.book().records().receipt(receipt.sourceId()).isPresent();
            Result<Handled> r = tx.book().receivePayment(receipt);
            if (!r.isOk()) {
                throw Problems.of(r.rejection());
            }
            if (!seen) {
                tx.audit(actor, "RECEIVE_PAYMENT", "platform/" + receipt.platformId() + "/payment/" + receipt.idempotencyKey(),
                        receipt.amount() + " " + receipt.currency() + " received " + receipt.receivedOn() + ", " + receipt.bankReference());
            }
            LedgerTransaction t = tx.book().ledger().transaction(PaymentReceivedPosting.transactionId(receipt))
                    .orElseThrow(() -> new IllegalStateException("receipt " + receipt.sourceId() + " has no ledger transaction"));
            return new ReceiptOutcome(!seen, tx.book().records().receipt(receipt.sourceId()).orElseThrow(), t);
        });
    }

    /** Books a holdback release once per release id; the first booking is audited with {@code actor}. */
    public ReleaseOutcome releaseHoldback(Caller actor, HoldbackRelease release) {
        return db.write(tx -> {
            boolean seen = tx.book().records().release(release.releaseId()).isPresent();
            Result<Handled> r = tx.book().releaseHoldback(release);
            if (!r.isOk()) {
                throw Problems.of(r.rejection());
            }
            if (!seen) {
                tx.audit(actor, "RELEASE_HOLDBACK", "holdback-release/" + release.releaseId(),
                        release.amount() + " from " + release.holdback() + " to " + release.target());
            }
            return new ReleaseOutcome(!seen, release);
        });
    }

    /** Registers a payee's bank details, audited with {@code actor}. */
    public BankDetails registerBankDetails(Caller actor, String payeeId, BankDetails details) {
        return db.write(tx -> {
            Result<BankDetails> r = tx.book().registerBankDetails(payeeId, details);
            if (!r.isOk()) {
                throw Problems.of(r.rejection());
            }
            BankDetails stored = r.orElseThrow();
            tx.audit(actor, "REGISTER_BANK_DETAILS", "payee/" + payeeId, "holder " + stored.holderName() + ", " + stored.country()
                    + ", account " + (stored.iban() != null ? stored.iban() : stored.accountNumber()));
            return stored;
        });
    }

    public PayoutThresholds thresholds() {
        return new PayoutThresholds(settings.thresholds(), settings.payeeThresholds());
    }

    /**
     * Plans, posts and files a run in one transaction, once per run id; then writes the file to disk. A crash after
     * the commit leaves a stored run whose file is missing on disk: the same request again posts nothing more and
     * writes the same file. Without {@code createdAt} the first request's time (to the second) is the run's, and a
     * retry reuses the stored one. The first request is audited with {@code actor}.
     */
    public RunOutcome runPayout(Caller actor, String runId, LocalDate valueDate, Optional<Instant> createdAt) {
        RunOutcome o = db.write(tx -> {
            Optional<PayoutRun> existing = tx.book().records().run(runId);
            Instant created = createdAt.orElseGet(() -> existing.map(PayoutRun::createdAt).orElse(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
            Result<RunPosting> r = tx.book().runPayout(new PayoutRequest(runId, valueDate, created), thresholds());
            if (!r.isOk()) {
                throw Problems.of(r.rejection());
            }
            RunPosting posting = r.orElseThrow();
            if (!posting.complete()) {
                throw ApiProblem.conflict("payments-refused", "run " + runId + ": the ledger refused "
                        + posting.refused().stream().map(f -> f.endToEndId() + " (" + f.rejection() + ")").toList());
            }
            PayoutRun run = posting.run();
            Optional<RunFile> file = tx.runFile(runId);
            if (file.isEmpty() && !run.payments().isEmpty()) {
                Result<Pain001File> written = Pain001Writer.write(run, originator(run));
                if (!written.isOk()) {
                    throw new ApiProblem(409, "payment-file-refused", "Conflict", "run " + runId + " was not planned: its pain.001 file could not be written: "
                            + written.rejection(), null, Map.of());
                }
                Pain001File f = written.orElseThrow();
                RunFile stored = new RunFile(runId, f.xml(), sha256(f.xml()), (int) f.numberOfTransactions(), f.controlSum());
                tx.saveRunFile(stored);
                file = Optional.of(stored);
            }
            if (existing.isEmpty()) {
                tx.audit(actor, "RUN_PAYOUT", "payout-run/" + runId, "value date " + valueDate);
            }
            return new RunOutcome(existing.isEmpty(), run, statuses(tx.book().records().paymentStatuses(), run), file, Optional.empty());
        });
        if (o.created()) {
            metrics.runCreated();
            metrics.payments(PaymentStatus.PLANNED.name(), o.run().payments().size());
            LOG.infof("payout run %s planned and posted: %d payment(s) %s, %d carried forward", runId, o.run().payments().size(),
                    o.run().totalsByCurrency(), o.run().carriedForward().size());
        }
        Optional<Path> path = o.file().map(f -> files.write(runId, f.xml()));
        return new RunOutcome(o.created(), o.run(), o.statuses(), o.file(), path);
    }

    public RunOutcome run(String runId) {
        RunOutcome o = db.read(tx -> {
            PayoutRun run = tx.book().records().run(runId).orElseThrow(() -> ApiProblem.notFound("no payout run " + runId));
            return new RunOutcome(false, run, statuses(tx.book().records().paymentStatuses(), run), tx.runFile(runId),
                    Optional.empty());
        });
        return new RunOutcome(false, o.run(), o.statuses(), o.file(), o.file().map(f -> files.pathOf(runId)));
    }

    /** Applies a bank's status report to a payment, audited with {@code actor} (a repeated report too). */
    public StatusOutcome updatePaymentStatus(Caller actor, String endToEndId, PaymentStatus status, String reason) {
        StatusOutcome o = db.write(tx -> {
            Result<Handled> r = tx.book().updatePaymentStatus(endToEndId, status);
            if (!r.isOk()) {
                throw Problems.of(r.rejection());
            }
            Handled.Outcome outcome = r.orElseThrow().outcome();
            if (outcome != Handled.Outcome.DUPLICATE) {
                tx.recordStatusEvent(endToEndId, status.name(), reason);
            }
            tx.audit(actor, "REPORT_PAYMENT_STATUS", "payment/" + endToEndId,
                    status.name() + (reason == null ? "" : " (" + reason + ")") + ": " + outcome.name());
            return new StatusOutcome(tx.book().records().payment(endToEndId).orElseThrow(), status, outcome);
        });
        if (o.outcome() != Handled.Outcome.DUPLICATE) {
            metrics.payments(status.name(), 1);
            if (status.isReversed()) {
                LOG.infof("payment %s %s (%s): %d %s restored to %s's payable", endToEndId, status, reason, o.payment().amount(),
                        o.payment().currency(), o.payment().societyId());
            }
        }
        return o;
    }

    /** One account of the trial balance, its balance in the account's normal sense. */
    public record AccountLine(String account, String normalSide, long balanceMinor) {
    }

    public record CurrencyLine(String currency, long debitsMinor, long creditsMinor) {
    }

    /**
     * Balanced when, in every currency, all debits ever posted equal all credits, the balances signed by side sum
     * to zero, and every maintained account balance equals the sum of its postings.
     */
    public record TrialBalanceView(boolean balanced, List<CurrencyLine> currencies, List<AccountLine> accounts) {
    }

    public TrialBalanceView trialBalance() {
        return db.read(tx -> {
            List<CurrencyLine> currencies = tx.totals().stream()
                    .map(t -> new CurrencyLine(t.currency(), t.debits(), t.credits())).toList();
            List<AccountLine> accounts = new ArrayList<>();
            Map<String, Long> signed = new TreeMap<>();
            for (PayoutDatabase.AccountBalance b : tx.balancesFromPostings()) {
                AccountId id = b.account();
                Side normal = id.type().normalBalance();
                accounts.add(new AccountLine(id.toString(), normal.name(), b.balance()));
                signed.merge(id.currency(), normal == Side.DEBIT ? b.balance() : -b.balance(), Math::addExact);
            }
            boolean balanced = currencies.stream().allMatch(c -> c.debitsMinor() == c.creditsMinor())
                    && signed.values().stream().allMatch(v -> v == 0L)
                    && tx.balancesOutOfStep() == 0;
            return new TrialBalanceView(balanced, currencies, accounts);
        });
    }

    /** Records a statement message that could not be booked (once per topic, partition and offset). */
    public void deadLetter(String topic, int partition, long offset, String key, String statementId, String reasonCode, String reason,
                           String payload) {
        db.deadLetter(topic, partition, offset, key, statementId, reasonCode, reason, payload);
    }

    public ReconciliationReport reconcile() {
        ReconciliationReport report = db.read(tx -> tx.book().reconcile());
        metrics.alarms(report.alarms().size());
        return report;
    }

    private Pain001Writer.Originator originator(PayoutRun run) {
        PayoutSettings.Debtor d = settings.debtor();
        BankDetails account = new BankDetails(d.name(), d.country(), d.iban().orElse(null), d.iban().isPresent() ? null : d.accountNumber(),
                d.bic().orElse(null), d.bic().isPresent() ? null : d.bankCode());
        Map<String, BankDetails> byCurrency = new TreeMap<>();
        run.payments().forEach(p -> byCurrency.put(p.currency(), account));
        return new Pain001Writer.Originator(d.name(), d.id(), byCurrency);
    }

    private static Map<String, PaymentStatus> statuses(Map<String, PaymentStatus> all, PayoutRun run) {
        Map<String, PaymentStatus> out = new LinkedHashMap<>();
        for (Payment p : run.payments()) {
            out.put(p.endToEndId(), all.getOrDefault(p.endToEndId(), PaymentStatus.PLANNED));
        }
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
