package io.fairshare.payout.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Side;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.CarriedForward;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the payout API (their schemas are in the generated OpenAPI document, /q/openapi). */
public final class Views {
    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BankDetailsView(String holderName, String country, String iban, String accountNumber, String bic, String bankCode) {
        public static BankDetailsView of(BankDetails d) {
            return new BankDetailsView(d.holderName(), d.country(), d.iban(), d.accountNumber(), d.bic(), d.bankCode());
        }

        public BankDetails toDomain() {
            return new BankDetails(holderName, country, iban, accountNumber, bic, bankCode);
        }
    }

    public record PaymentReceivedRequest(String currency, Long amountMinor, LocalDate receivedOn, String bankReference) {
    }

    public record AllocationView(String account, long amountMinor) {
    }

    public record ReceiptView(String platformId, String idempotencyKey, String currency, long amountMinor, LocalDate receivedOn, String bankReference,
                       String transactionId, List<AllocationView> allocations) {
        public static ReceiptView of(Receipt r, LedgerTransaction t) {
            return new ReceiptView(r.platformId(), r.idempotencyKey(), r.currency(), r.amount(), r.receivedOn(), r.bankReference(), t.id(),
                    t.postings().stream().filter(p -> p.side() == Side.CREDIT).map(p -> new AllocationView(p.account().toString(), p.amount()))
                            .toList());
        }
    }

    public record RunRequest(LocalDate valueDate, Instant createdAt) {
    }

    public record RunPaymentView(String endToEndId, String payeeId, String currency, long amountMinor, String status) {
        public static RunPaymentView of(Payment p, PaymentStatus status) {
            return new RunPaymentView(p.endToEndId(), p.societyId(), p.currency(), p.amount(), status.name());
        }
    }

    public record CarriedForwardView(String payeeId, String currency, long amountMinor, String reason, long thresholdMinor) {
        public static CarriedForwardView of(CarriedForward c) {
            return new CarriedForwardView(c.societyId(), c.currency(), c.amount(), c.reason().name(), c.threshold());
        }
    }

    public record RunView(String runId, LocalDate valueDate, Instant createdAt, List<RunPaymentView> payments, List<CarriedForwardView> carriedForward,
                   int numberOfTransactions, Map<String, Long> controlSum, String pain001, String file) {
        public static RunView of(PayoutService.RunOutcome o) {
            var run = o.run();
            return new RunView(run.runId(), run.valueDate(), run.createdAt(),
                    run.payments().stream().map(p -> RunPaymentView.of(p, o.statuses().getOrDefault(p.endToEndId(), PaymentStatus.PLANNED))).toList(),
                    run.carriedForward().stream().map(CarriedForwardView::of).toList(),
                    run.payments().size(), run.totalsByCurrency(),
                    o.pain001Xml().isPresent() ? "/v1/payout-runs/" + run.runId() + "/pain001" : null,
                    o.path().map(p -> p.toString()).orElse(null));
        }
    }

    public record StatusRequest(String status, String reason) {
    }

    public record PaymentStatusView(String endToEndId, String runId, String payeeId, String currency, long amountMinor, String status, String outcome) {
        public static PaymentStatusView of(PayoutService.StatusOutcome o) {
            Payment p = o.payment();
            return new PaymentStatusView(p.endToEndId(), p.runId(), p.societyId(), p.currency(), p.amount(), o.status().name(), o.outcome().name());
        }
    }

}
