package io.fairshare.payout.domain.payment;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.BalanceOverlay;
import io.fairshare.payout.domain.ledger.Balances;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.RecoveryOffset;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.outcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The posting rules of a payment's status reported by the bank (SETTLED, FAILED, RETURNED). */
public final class PaymentStatusPosting {
    private PaymentStatusPosting() {
    }

    public static String transactionId(String endToEndId, PaymentStatus status) {
        return "payment:" + endToEndId + ":" + status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Postings for a status change, decided by {@link PaymentStatusMachine}: none for SENT or a repeated
     * status; SETTLED, FAILED, RETURNED as below; an illegal change is refused with its reason.
     */
    public static Result<List<LedgerTransaction>> postingsFor(Payment payment, PaymentStatus from, PaymentStatus to, Balances balances) {
        StatusChange change = PaymentStatusMachine.change(from, to);
        if (change instanceof StatusChange.Refused refused) {
            return Result.rejected(refused.rejection());
        }
        if (change instanceof StatusChange.Unchanged) {
            return Result.ok(List.of());
        }
        return Result.ok(switch (to) {
            case PLANNED, SENT -> List.of();
            case SETTLED -> List.of(settled(payment));
            case FAILED -> failed(payment, balances);
            case RETURNED -> returned(payment, balances);
        });
    }

    /** The bank settled the payment: Dr IN_TRANSIT, Cr CLEARING. */
    public static LedgerTransaction settled(Payment payment) {
        String ccy = payment.currency();
        return new LedgerTransaction(transactionId(payment.endToEndId(), PaymentStatus.SETTLED),
                new SourceRef(SourceKind.PAYMENT_SETTLED, payment.endToEndId()),
                List.of(Posting.decrease(AccountId.inTransit(payment.societyId(), ccy), payment.amount()),
                        Posting.decrease(AccountId.clearing(ccy), payment.amount())));
    }

    /** A sent payment failed: Dr IN_TRANSIT, Cr PAYABLE per allocated period (restored); then recovery offset. */
    public static List<LedgerTransaction> failed(Payment payment, Balances balances) {
        return reversal(payment, PaymentStatus.FAILED, SourceKind.PAYMENT_FAILED,
                Posting.decrease(AccountId.inTransit(payment.societyId(), payment.currency()), payment.amount()), balances);
    }

    /** A settled payment came back: Dr CLEARING, Cr PAYABLE per allocated period (restored); then recovery offset. */
    public static List<LedgerTransaction> returned(Payment payment, Balances balances) {
        return reversal(payment, PaymentStatus.RETURNED, SourceKind.PAYMENT_RETURNED,
                Posting.increase(AccountId.clearing(payment.currency()), payment.amount()), balances);
    }

    private static List<LedgerTransaction> reversal(Payment payment, PaymentStatus status, SourceKind kind, Posting from, Balances balances) {
        List<Posting> postings = new ArrayList<>(List.of(from));
        for (PeriodAllocation a : payment.allocations()) {
            postings.add(Posting.increase(AccountId.payable(payment.societyId(), a.periodId(), payment.currency()), a.amount()));
        }
        LedgerTransaction tx = new LedgerTransaction(transactionId(payment.endToEndId(), status),
                new SourceRef(kind, payment.endToEndId()), postings);
        List<LedgerTransaction> result = new ArrayList<>(List.of(tx));
        RecoveryOffset.postingsFor(List.of(payment.societyId()), payment.currency(), new BalanceOverlay(balances).apply(tx),
                tx.id() + ":recovery-offset", payment.endToEndId()).ifPresent(result::add);
        return result;
    }
}
