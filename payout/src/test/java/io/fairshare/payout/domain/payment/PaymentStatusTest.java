package io.fairshare.payout.domain.payment;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.WRITERS;
import static io.fairshare.payout.domain.Fixtures.assertOutcome;
import static io.fairshare.payout.domain.Fixtures.deliver;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.rejected;
import static io.fairshare.payout.domain.Fixtures.request;
import static io.fairshare.payout.domain.payment.PaymentStatus.FAILED;
import static io.fairshare.payout.domain.payment.PaymentStatus.RETURNED;
import static io.fairshare.payout.domain.payment.PaymentStatus.SENT;
import static io.fairshare.payout.domain.payment.PaymentStatus.SETTLED;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.Fixtures;
import io.fairshare.payout.domain.Handled;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.run.PayoutThresholds;
import io.fairshare.payout.domain.statement.IssuedLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentStatusTest {
    private static final String NOV = "2026-11";
    private final PayoutBook book = Fixtures.bookWithBanks();
    private final LedgerStore ledger = book.ledger();
    private PayoutRun run1;
    private String music;
    private String writers;

    @BeforeEach
    void novemberPaidInRunOne() {
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000), line(WRITERS, LICENSED, 200_000)));
        run1 = ok(book.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.none())).run();
        music = run1.payments().get(0).endToEndId();
        writers = run1.payments().get(1).endToEndId();
    }

    @AfterEach
    void ledgerStaysSoundAndTiesOut() {
        LedgerInvariants.assertHold(ledger);
        ReconciliationReport report = book.reconcile();
        assertTrue(report.tiesOut(), report.alarms()::toString);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PLANNED, PLANNED, UNCHANGED", "PLANNED, SENT, MOVED", "PLANNED, SETTLED, REFUSED", "PLANNED, FAILED, REFUSED", "PLANNED, RETURNED, REFUSED",
            "SENT, PLANNED, REFUSED", "SENT, SENT, UNCHANGED", "SENT, SETTLED, MOVED", "SENT, FAILED, MOVED", "SENT, RETURNED, REFUSED",
            "SETTLED, PLANNED, REFUSED", "SETTLED, SENT, REFUSED", "SETTLED, SETTLED, UNCHANGED", "SETTLED, FAILED, REFUSED", "SETTLED, RETURNED, MOVED",
            "FAILED, PLANNED, REFUSED", "FAILED, SENT, REFUSED", "FAILED, SETTLED, REFUSED", "FAILED, FAILED, UNCHANGED", "FAILED, RETURNED, REFUSED",
            "RETURNED, PLANNED, REFUSED", "RETURNED, SENT, REFUSED", "RETURNED, SETTLED, REFUSED", "RETURNED, FAILED, REFUSED", "RETURNED, RETURNED, UNCHANGED"})
    void theStatusMachineAllowsOnlyItsFourTransitions(PaymentStatus from, PaymentStatus to, String expected) {
        StatusChange change = PaymentStatusMachine.change(from, to);

        Class<? extends StatusChange> type = switch (expected) {
            case "MOVED" -> StatusChange.Moved.class;
            case "UNCHANGED" -> StatusChange.Unchanged.class;
            default -> StatusChange.Refused.class;
        };
        assertInstanceOf(type, change);
        if (change instanceof StatusChange.Refused refused) {
            assertEquals(ErrorCode.ILLEGAL_STATUS_TRANSITION, refused.rejection().code());
            assertTrue(refused.rejection().message().startsWith(from + " -> " + to + ": "), refused.rejection().message());
        }
    }

    @Test
    void aSettledPaymentMovesCashOutOfTheClearingAccount() {
        ok(book.receivePayment(new Receipt(PLATFORM_A, "k-1", KRW, 950_000, LocalDate.parse("2026-12-01"), "R1")));
        ok(book.updatePaymentStatus(music, SENT));

        assertOutcome(Handled.Outcome.POSTED, book.updatePaymentStatus(music, SETTLED));

        assertEquals(0, ledger.balance(AccountId.inTransit(MUSIC, KRW)));
        assertEquals(200_000, ledger.balance(AccountId.clearing(KRW)));
    }

    @Test
    void aFailedPaymentIsReversedIntoThePayableAndPaidInALaterRun() {
        ok(book.updatePaymentStatus(music, SENT));
        ok(book.updatePaymentStatus(writers, SENT));
        ok(book.updatePaymentStatus(writers, SETTLED));

        Handled failed = ok(book.updatePaymentStatus(music, FAILED));

        assertEquals(List.of(Posting.debit(AccountId.inTransit(MUSIC, KRW), 750_000), Posting.credit(AccountId.payable(MUSIC, NOV, KRW), 750_000)),
                failed.transactions().get(0).postings());
        assertEquals(750_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(0, ledger.balance(AccountId.inTransit(MUSIC, KRW)));

        PayoutRun run2 = ok(book.runPayout(request("run-2", "2026-12-12"), PayoutThresholds.none())).run();

        assertEquals(1, run2.payments().size());
        Payment retry = run2.payments().get(0);
        assertEquals(MUSIC, retry.societyId());
        assertEquals(750_000, retry.amount());
        assertEquals(List.of(new PeriodAllocation(NOV, 750_000)), retry.allocations());
        assertEquals(EndToEndIds.of("run-2", MUSIC, KRW), retry.endToEndId());
        assertEquals(0, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(750_000, book.reconcile().society(NOV, MUSIC, KRW).orElseThrow().paid());
    }

    @Test
    void aReturnedPaymentIsReversedIntoThePayableAndPaidInALaterRun() {
        ok(book.receivePayment(new Receipt(PLATFORM_A, "k-1", KRW, 950_000, LocalDate.parse("2026-12-01"), "R1")));
        ok(book.updatePaymentStatus(music, SENT));
        ok(book.updatePaymentStatus(music, SETTLED));
        assertEquals(200_000, ledger.balance(AccountId.clearing(KRW)));

        ok(book.updatePaymentStatus(music, RETURNED));

        assertEquals(950_000, ledger.balance(AccountId.clearing(KRW)));
        assertEquals(750_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));

        PayoutRun run2 = ok(book.runPayout(request("run-2", "2026-12-12"), PayoutThresholds.none())).run();
        ok(book.updatePaymentStatus(run2.payments().get(0).endToEndId(), SENT));
        ok(book.updatePaymentStatus(run2.payments().get(0).endToEndId(), SETTLED));

        assertEquals(750_000, run2.payments().get(0).amount());
        assertEquals(200_000, ledger.balance(AccountId.clearing(KRW)));
        assertEquals(0, ledger.total(AccountType.PAYABLE, MUSIC, KRW));
    }

    @Test
    void aFailedPaymentOfASocietyThatOwesMoneyBackIsOffsetFirst() {
        ok(book.updatePaymentStatus(music, SENT));
        deliver(book, "2026-12", platformStatement("PA-A-2026-12", "2026-12", PLATFORM_A, IssuedLine.adjustment(MUSIC, LICENSED, -800_000, NOV)));
        assertEquals(800_000, ledger.balance(AccountId.recoverable(MUSIC, NOV, KRW)));

        Handled failed = ok(book.updatePaymentStatus(music, FAILED));

        assertEquals(2, failed.transactions().size());
        assertEquals(0, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(50_000, ledger.balance(AccountId.recoverable(MUSIC, NOV, KRW)));
    }

    @Test
    void anIllegalTransitionIsRefusedWithAReasonAndPostsNothing() {
        int before = ledger.journal().size();

        Rejection r = rejected(book.updatePaymentStatus(music, SETTLED));

        assertEquals(ErrorCode.ILLEGAL_STATUS_TRANSITION, r.code());
        assertEquals("PLANNED -> SETTLED: a payment must be SENT to the bank before it can be SETTLED", r.message());
        assertEquals(before, ledger.journal().size());
        assertEquals(PaymentStatus.PLANNED, book.records().paymentStatus(music).orElseThrow());
    }

    @Test
    void aRepeatedStatusNotificationChangesNothing() {
        ok(book.updatePaymentStatus(music, SENT));
        ok(book.updatePaymentStatus(music, FAILED));
        int before = ledger.journal().size();

        assertOutcome(Handled.Outcome.DUPLICATE, book.updatePaymentStatus(music, FAILED));
        assertEquals(before, ledger.journal().size());
        assertEquals(750_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals("FAILED -> SENT: a FAILED payment is final; its payable was restored and a later run pays it under a new end-to-end id",
                rejected(book.updatePaymentStatus(music, SENT)).message());
    }

    @Test
    void aStatusForAnUnknownPaymentIsRefused() {
        assertEquals(ErrorCode.UNKNOWN_PAYMENT, rejected(book.updatePaymentStatus("FS000", SENT)).code());
    }
}
