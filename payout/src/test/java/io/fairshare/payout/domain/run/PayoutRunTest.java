package io.fairshare.payout.domain.run;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.NEWS;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.USD;
import static io.fairshare.payout.domain.Fixtures.WRITERS;
import static io.fairshare.payout.domain.Fixtures.deliver;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.rejected;
import static io.fairshare.payout.domain.Fixtures.request;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static io.fairshare.payout.domain.statement.LineCategory.UNLICENSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.Fixtures;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.EndToEndIds;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.reconciliation.AlarmCode;
import io.fairshare.payout.domain.reconciliation.ReconciliationAlarm;
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.fairshare.payout.domain.reconciliation.SocietyPeriodFigures;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PayoutRunTest {
    private final PayoutBook book = Fixtures.bookWithBanks();
    private final LedgerStore ledger = book.ledger();
    private final PayoutThresholds threshold100k = PayoutThresholds.defaults(Map.of(KRW, 100_000L));

    @AfterEach
    void ledgerStaysSound() {
        LedgerInvariants.assertHold(ledger);
    }

    private record Paid(String society, long amount) {
    }

    private static List<Paid> paid(PayoutRun run) {
        return run.payments().stream().map(p -> new Paid(p.societyId(), p.amount())).toList();
    }

    @Test
    void societiesAtOrAboveTheirThresholdArePaidAndSmallerBalancesCarryForward() {
        deliver(book, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A,
                line(MUSIC, LICENSED, 700_000), line(MUSIC, UNLICENSED, 50_000), line(WRITERS, LICENSED, 100_000), line(NEWS, LICENSED, 40_000)));

        RunPosting posting = ok(book.runPayout(request("run-2026-12", "2026-12-05"), threshold100k.withSociety(NEWS, KRW, 50_000)));

        assertEquals(List.of(new Paid(MUSIC, 750_000), new Paid(WRITERS, 100_000)), paid(posting.run()));
        assertEquals(List.of(new CarriedForward(NEWS, KRW, 40_000, CarriedForward.Reason.BELOW_THRESHOLD, 50_000)), posting.run().carriedForward());
        assertTrue(posting.complete());
        assertEquals(0, ledger.balance(AccountId.payable(MUSIC, "2026-11", KRW)));
        assertEquals(750_000, ledger.balance(AccountId.inTransit(MUSIC, KRW)));
        assertEquals(100_000, ledger.balance(AccountId.inTransit(WRITERS, KRW)));
        assertEquals(40_000, ledger.balance(AccountId.payable(NEWS, "2026-11", KRW)));
        assertTrue(book.reconcile().tiesOut(), () -> book.reconcile().alarms().toString());
    }

    @Test
    void smallBalancesCarryForwardAcrossPeriodsUntilTheyReachTheThreshold() {
        String[] periods = {"2026-10", "2026-11", "2026-12"};
        PayoutRun last = null;
        for (int i = 0; i < periods.length; i++) {
            String period = periods[i];
            deliver(book, period, platformStatement("PS-A-" + period, period, PLATFORM_A, line(MUSIC, LICENSED, 200_000), line(NEWS, LICENSED, 40_000)));
            last = ok(book.runPayout(request("run-" + period, "2027-01-0" + (i + 1)), threshold100k)).run();
            assertEquals(new Paid(MUSIC, 200_000), paid(last).get(0), "MUSIC is paid every month");
            if (i < 2) {
                assertEquals(List.of(new CarriedForward(NEWS, KRW, 40_000L * (i + 1), CarriedForward.Reason.BELOW_THRESHOLD, 100_000)),
                        last.carriedForward());
            }
        }
        Payment news = last.payments().get(1);
        assertEquals(NEWS, news.societyId());
        assertEquals(120_000, news.amount());
        assertEquals(List.of(new PeriodAllocation("2026-10", 40_000), new PeriodAllocation("2026-11", 40_000), new PeriodAllocation("2026-12", 40_000)),
                news.allocations());
        assertEquals(List.of("SS-PS-A-2026-10-SOC-NEWS", "SS-PS-A-2026-11-SOC-NEWS", "SS-PS-A-2026-12-SOC-NEWS"), news.statementIds());
        assertEquals(0, ledger.total(AccountType.PAYABLE, NEWS, KRW));

        ReconciliationReport report = book.reconcile();
        assertTrue(report.tiesOut(), report.alarms()::toString);
        assertEquals(new SocietyPeriodFigures("2026-10", NEWS, KRW, 40_000, 0, 40_000, 0, 40_000, 0, 0, 0, 0, 0),
                report.society("2026-10", NEWS, KRW).orElseThrow());
    }

    @Test
    void planningTheSameRunIdAgainReturnsTheSameRunEvenAfterBalancesMoved() {
        deliver(book, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A, line(MUSIC, LICENSED, 300_000)));
        PayoutRun first = ok(book.planRun(request("run-1", "2026-12-05"), PayoutThresholds.none()));
        ok(book.receiveStatement(platformStatement("PS-A-2026-11-LATE", "2026-12", PLATFORM_A, line(WRITERS, LICENSED, 500_000))));

        PayoutRun again = ok(book.planRun(request("run-1", "2026-12-05"), PayoutThresholds.none()));

        assertEquals(first, again);
        assertEquals(List.of(new Paid(MUSIC, 300_000)), paid(again));
    }

    @Test
    void thePlannerIsPureTheSameInputsGiveTheSameRun() {
        deliver(book, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A, line(MUSIC, LICENSED, 300_000), line(NEWS, LICENSED, 10)));
        Map<String, BankDetails> banks = book.records().bankDetails();

        PayoutRun one = ok(PayoutPlanner.plan(request("run-1", "2026-12-05"), ledger, banks, threshold100k, Map.of()));
        PayoutRun two = ok(PayoutPlanner.plan(request("run-1", "2026-12-05"), ledger, banks, threshold100k, Map.of()));

        assertEquals(one, two);
        assertEquals(EndToEndIds.of("run-1", MUSIC, KRW), one.payments().get(0).endToEndId());
    }

    @Test
    void aRunIdReusedForAnotherRequestIsRefused() {
        ok(book.planRun(request("run-1", "2026-12-05"), PayoutThresholds.none()));

        Rejection r = rejected(book.planRun(request("run-1", "2026-12-06"), PayoutThresholds.none()));

        assertEquals(ErrorCode.RUN_ID_CONFLICT, r.code());
    }

    @Test
    void payoutRunRetriedAfterACrashMidwayPaysEachSocietyOnce() {
        deliver(book, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A,
                line(MUSIC, LICENSED, 750_000), line(WRITERS, LICENSED, 200_000), line(NEWS, LICENSED, 150_000)));
        PayoutRun run = ok(book.planRun(request("run-1", "2026-12-05"), PayoutThresholds.none()));
        assertEquals(3, run.payments().size());
        // the crash: the first payment was posted, then the process died
        assertTrue(ledger.post(run.postings().get(0)).changedTheLedger());
        ReconciliationReport interrupted = book.reconcile();
        assertEquals(List.of(AlarmCode.PAID_DIFFERS_FROM_PAYMENTS, AlarmCode.CARRIED_FORWARD_MISMATCH, AlarmCode.PAID_DIFFERS_FROM_PAYMENTS,
                        AlarmCode.CARRIED_FORWARD_MISMATCH, AlarmCode.RUN_TOTAL_MISMATCH, AlarmCode.RUN_TOTAL_MISMATCH),
                interrupted.alarms().stream().map(ReconciliationAlarm::code).toList());
        assertEquals(ErrorCode.RUN_IN_PROGRESS, rejected(book.planRun(request("run-2", "2026-12-06"), PayoutThresholds.none())).code());

        RunPosting resumed = ok(book.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.none()));
        RunPosting repeated = ok(book.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.none()));

        String music = EndToEndIds.of("run-1", MUSIC, KRW);
        assertEquals(List.of(music), resumed.alreadyPosted());
        assertEquals(List.of(EndToEndIds.of("run-1", NEWS, KRW), EndToEndIds.of("run-1", WRITERS, KRW)), resumed.posted());
        assertEquals(List.of(), repeated.posted());
        assertEquals(3, repeated.alreadyPosted().size());
        assertEquals(3, ledger.journal().stream().filter(tx -> tx.source().kind() == SourceKind.PAYOUT).count());
        assertEquals(750_000, ledger.balance(AccountId.inTransit(MUSIC, KRW)));
        assertEquals(200_000, ledger.balance(AccountId.inTransit(WRITERS, KRW)));
        assertEquals(150_000, ledger.balance(AccountId.inTransit(NEWS, KRW)));
        assertEquals(0, ledger.total(AccountType.PAYABLE, MUSIC, KRW) + ledger.total(AccountType.PAYABLE, WRITERS, KRW)
                + ledger.total(AccountType.PAYABLE, NEWS, KRW));
        assertTrue(book.reconcile().tiesOut(), () -> book.reconcile().alarms().toString());
    }

    @Test
    void aPaymentWhosePayableShrankBeforeTheResumedPostingIsRefusedNotOverpaid() {
        deliver(book, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A, line(MUSIC, LICENSED, 300_000)));
        ok(book.planRun(request("run-1", "2026-12-05"), PayoutThresholds.none()));
        ok(book.receiveStatement(platformStatement("PA-A-1", "2026-12", PLATFORM_A, IssuedLine.adjustment(MUSIC, LICENSED, -1_000, "2026-11"))));

        RunPosting posting = ok(book.postRun("run-1"));

        assertFalse(posting.complete());
        assertEquals(ErrorCode.NEGATIVE_BALANCE, posting.refused().get(0).rejection().code());
        assertEquals(299_000, ledger.balance(AccountId.payable(MUSIC, "2026-11", KRW)));
    }

    @Test
    void societiesWithoutValidBankDetailsAreCarriedForwardWithTheReason() {
        PayoutBook partial = Fixtures.bookWithBanks(MUSIC);
        partial.records().saveBankDetails(WRITERS, BankDetails.withIban("Writers", "DE", "DE89370400440532013001", "COBADEFFXXX"));
        deliver(partial, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A,
                line(MUSIC, LICENSED, 300_000), line(WRITERS, LICENSED, 200_000), line(NEWS, LICENSED, 100_000)));

        PayoutRun run = ok(partial.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.none())).run();

        assertEquals(List.of(new Paid(MUSIC, 300_000)), paid(run));
        assertEquals(List.of(new CarriedForward(NEWS, KRW, 100_000, CarriedForward.Reason.NO_BANK_DETAILS, 0),
                        new CarriedForward(WRITERS, KRW, 200_000, CarriedForward.Reason.INVALID_BANK_DETAILS, 0)),
                run.carriedForward());
        LedgerInvariants.assertHold(partial.ledger());
    }

    @Test
    void aSocietyIsPaidOncePerCurrency() {
        deliver(book, "2026-11", platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A, line(MUSIC, LICENSED, 300_000)));
        ok(book.receiveStatement(IssuedStatement.platform("PS-B-USD", "2026-11", "PLAT-B", USD, List.of(line(MUSIC, LICENSED, 12_345)))));

        PayoutRun run = ok(book.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.defaults(Map.of(KRW, 100_000L, USD, 10_000L)))).run();

        assertEquals(List.of(KRW, USD), run.payments().stream().map(Payment::currency).toList());
        assertEquals(Map.of(KRW, 300_000L, USD, 12_345L), run.totalsByCurrency());
        assertNotEquals(run.payments().get(0).endToEndId(), run.payments().get(1).endToEndId());
    }

    @Test
    void endToEndIdsAreDeterministicAndFitMax35Text() {
        String id = EndToEndIds.of("run-1", MUSIC, KRW);

        assertEquals(id, EndToEndIds.of("run-1", MUSIC, KRW));
        assertTrue(id.matches("FS[0-9A-F]{30}"), id);
        assertNotEquals(id, EndToEndIds.of("run-2", MUSIC, KRW));
        assertNotEquals(id, EndToEndIds.of("run-1", NEWS, KRW));
        assertNotEquals(id, EndToEndIds.of("run-1", MUSIC, USD));
    }

    @Test
    void aRunWithNothingPayableHasNoPayments() {
        RunPosting posting = ok(book.runPayout(request("run-empty", "2026-12-05"), PayoutThresholds.none()));

        assertEquals(List.of(), posting.run().payments());
        assertEquals(List.of(), posting.run().carriedForward());
    }

    @Test
    void runIdsThatCannotBeAMessageIdAreRefused() {
        assertEquals(ErrorCode.INVALID_RUN_REQUEST, rejected(book.planRun(request("run 1", "2026-12-05"), PayoutThresholds.none())).code());
        assertEquals(ErrorCode.INVALID_RUN_REQUEST, rejected(book.planRun(request("r".repeat(31), "2026-12-05"), PayoutThresholds.none())).code());
        assertEquals(ErrorCode.INVALID_RUN_REQUEST,
                rejected(book.planRun(new PayoutRequest("run-1", LocalDate.parse("2026-12-05"), null), PayoutThresholds.none())).code());
        assertEquals(ErrorCode.INVALID_RUN_REQUEST,
                rejected(book.planRun(new PayoutRequest("run-1", null, Instant.EPOCH), PayoutThresholds.none())).code());
    }
}
