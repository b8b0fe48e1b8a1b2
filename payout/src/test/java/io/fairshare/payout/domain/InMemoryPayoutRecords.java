package io.fairshare.payout.domain;

import io.fairshare.payout.domain.ledger.Ledger;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link PayoutRecords} in memory, in arrival order: the reference model. */
public final class InMemoryPayoutRecords implements PayoutRecords {
    private final Map<String, IssuedStatement> statements = new LinkedHashMap<>();
    private final Map<String, Receipt> receipts = new LinkedHashMap<>();
    private final Map<String, PayoutRun> runs = new LinkedHashMap<>();
    private final Map<String, Payment> payments = new HashMap<>();
    private final Map<String, PaymentStatus> statuses = new TreeMap<>();
    private final Map<String, HoldbackRelease> releases = new LinkedHashMap<>();
    private final Map<String, BankDetails> bankDetails = new TreeMap<>();

    /** A book over a new in-memory ledger and records: the reference the PostgreSQL book is compared with. */
    public static PayoutBook book() {
        return new PayoutBook(new Ledger(), new InMemoryPayoutRecords());
    }

    @Override
    public synchronized Optional<IssuedStatement> statement(String statementId) {
        return Optional.ofNullable(statements.get(statementId));
    }

    @Override
    public synchronized void saveStatement(IssuedStatement statement) {
        statements.putIfAbsent(statement.statementId(), statement);
    }

    @Override
    public synchronized List<IssuedStatement> statements() {
        return List.copyOf(statements.values());
    }

    @Override
    public synchronized Optional<Receipt> receipt(String sourceId) {
        return Optional.ofNullable(receipts.get(sourceId));
    }

    @Override
    public synchronized void saveReceipt(Receipt receipt) {
        receipts.putIfAbsent(receipt.sourceId(), receipt);
    }

    @Override
    public synchronized List<Receipt> receipts() {
        return List.copyOf(receipts.values());
    }

    @Override
    public synchronized Optional<PayoutRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized void saveRun(PayoutRun run) {
        if (runs.putIfAbsent(run.runId(), run) == null) {
            for (Payment p : run.payments()) {
                payments.put(p.endToEndId(), p);
                statuses.put(p.endToEndId(), PaymentStatus.PLANNED);
            }
        }
    }

    @Override
    public synchronized List<PayoutRun> runs() {
        return List.copyOf(runs.values());
    }

    @Override
    public synchronized Optional<Payment> payment(String endToEndId) {
        return Optional.ofNullable(payments.get(endToEndId));
    }

    @Override
    public synchronized Optional<PaymentStatus> paymentStatus(String endToEndId) {
        return Optional.ofNullable(statuses.get(endToEndId));
    }

    @Override
    public synchronized void savePaymentStatus(String endToEndId, PaymentStatus status) {
        if (!payments.containsKey(endToEndId)) {
            throw new IllegalArgumentException("unknown payment " + endToEndId);
        }
        statuses.put(endToEndId, status);
    }

    @Override
    public synchronized Map<String, PaymentStatus> paymentStatuses() {
        return Map.copyOf(statuses);
    }

    @Override
    public synchronized Optional<HoldbackRelease> release(String releaseId) {
        return Optional.ofNullable(releases.get(releaseId));
    }

    @Override
    public synchronized void saveRelease(HoldbackRelease release) {
        releases.putIfAbsent(release.releaseId(), release);
    }

    @Override
    public synchronized List<HoldbackRelease> releases() {
        return new ArrayList<>(releases.values());
    }

    @Override
    public synchronized Optional<BankDetails> bankDetails(String societyId) {
        return Optional.ofNullable(bankDetails.get(societyId));
    }

    @Override
    public synchronized void saveBankDetails(String societyId, BankDetails details) {
        bankDetails.put(societyId, details);
    }

    @Override
    public synchronized Map<String, BankDetails> bankDetails() {
        return Map.copyOf(bankDetails);
    }
}
