package io.fairshare.payout.domain;

import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents payout keeps beside its ledger: statements, receipts, runs and payment statuses, holdback
 * decisions, societies' bank details. They are the idempotency inbox (a document id seen before is a
 * duplicate) and the other side of reconciliation. the tests' {@code InMemoryPayoutRecords} is the reference; a
 * PostgreSQL implementation must behave the same, in the same database transaction as the ledger.
 */
public interface PayoutRecords {
    Optional<IssuedStatement> statement(String statementId);

    void saveStatement(IssuedStatement statement);

    List<IssuedStatement> statements();

    /** A receipt by {@link Receipt#sourceId()} ({@code platformId/idempotencyKey}). */
    Optional<Receipt> receipt(String sourceId);

    void saveReceipt(Receipt receipt);

    List<Receipt> receipts();

    Optional<PayoutRun> run(String runId);

    /** Saves a planned run; its payments start PLANNED. */
    void saveRun(PayoutRun run);

    List<PayoutRun> runs();

    Optional<Payment> payment(String endToEndId);

    Optional<PaymentStatus> paymentStatus(String endToEndId);

    void savePaymentStatus(String endToEndId, PaymentStatus status);

    Map<String, PaymentStatus> paymentStatuses();

    Optional<HoldbackRelease> release(String releaseId);

    void saveRelease(HoldbackRelease release);

    List<HoldbackRelease> releases();

    Optional<BankDetails> bankDetails(String societyId);

    void saveBankDetails(String societyId, BankDetails details);

    Map<String, BankDetails> bankDetails();
}
