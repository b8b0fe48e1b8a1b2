package io.fairshare.payout.domain.reconciliation;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.NEWS;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_B;
import static io.fairshare.payout.domain.Fixtures.WRITERS;
import static io.fairshare.payout.domain.Fixtures.deliver;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.request;
import static io.fairshare.payout.domain.Fixtures.unclaimed;
import static io.fairshare.payout.domain.statement.LineCategory.DISPUTED;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static io.fairshare.payout.domain.statement.LineCategory.RESERVED_PENALTY;
import static io.fairshare.payout.domain.statement.LineCategory.UNLICENSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.Fixtures;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.PayoutRecords;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.Ledger;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.payment.PaymentPosting;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.run.PayoutThresholds;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final String NOV = "2026-11";
    private final PayoutBook book = Fixtures.bookWithBanks();
    private final LedgerStore ledger = book.ledger();

    @AfterEach
    void theRealLedgerStaysSound() {
        LedgerInvariants.assertHold(ledger);
    }

    private ReconciliationReport reconcileWith(List<LedgerTransaction> journal) {
        PayoutRecords r = book.records();
        return Reconciliation.reconcile(new ReconciliationInput(journal, r.statements(), r.receipts(), r.runs(), r.paymentStatuses(), r.releases()));
    }

    /** The journal with one transaction replaced by a copy whose postings are changed by {@code change}. */
    private List<LedgerTransaction> tampered(String transactionId, Map<AccountId, Long> newAmounts) {
        List<LedgerTransaction> journal = new ArrayList<>();
        for (LedgerTransaction tx : ledger.journal()) {
            if (!tx.id().equals(transactionId)) {
                journal.add(tx);
                continue;
            }
            List<Posting> postings = tx.postings().stream()
                    .map(p -> newAmounts.containsKey(p.account()) ? new Posting(p.account(), p.side(), newAmounts.get(p.account())) : p)
                    .toList();
            journal.add(new LedgerTransaction(tx.id(), tx.source(), postings));
        }
        return journal;
    }

    @Test
    void reconciliationTiesOutAfterAFullCycle() {
        deliver(book, NOV,
                platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 700_000), line(MUSIC, UNLICENSED, 50_000),
                        line(WRITERS, LICENSED, 200_000), line(WRITERS, DISPUTED, 30_000), line(NEWS, RESERVED_PENALTY, 15_000), unclaimed(5_000)),
                platformStatement("PS-B-2026-11", NOV, PLATFORM_B, line(MUSIC, LICENSED, 300_000), line(NEWS, LICENSED, 60_000)));
        ok(book.receivePayment(new Receipt(PLATFORM_A, "a-1", KRW, 1_000_000, LocalDate.parse("2026-12-01"), "A1")));
        ok(book.receivePayment(new Receipt(PLATFORM_B, "b-1", KRW, 200_000, LocalDate.parse("2026-12-02"), "B1")));
        PayoutRun run = ok(book.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.defaults(Map.of(KRW, 100_000L)))).run();
        ok(book.updatePaymentStatus(run.payments().get(0).endToEndId(), PaymentStatus.SENT));
        ok(book.updatePaymentStatus(run.payments().get(0).endToEndId(), PaymentStatus.SETTLED));
        ok(book.updatePaymentStatus(run.payments().get(1).endToEndId(), PaymentStatus.SENT));
        ok(book.releaseHoldback(new HoldbackRelease("dispute-7", AccountId.disputed(WRITERS, NOV, KRW), 30_000,
                HoldbackRelease.Beneficiary.society(MUSIC))));

        ReconciliationReport report = book.reconcile();

        assertEquals(List.of(), report.alarms());
        assertEquals(List.of(
                        new SocietyPeriodFigures(NOV, MUSIC, KRW, 1_050_000, 0, 1_050_000, 0, 1_050_000, 30_000, 0, 30_000, 0, 0),
                        new SocietyPeriodFigures(NOV, NEWS, KRW, 60_000, 15_000, 60_000, 15_000, 0, 0, 0, 60_000, 0, 15_000),
                        new SocietyPeriodFigures(NOV, WRITERS, KRW, 200_000, 30_000, 200_000, 30_000, 200_000, 0, 0, 0, 0, 0)),
                report.societies());
        assertEquals(List.of(
                        new PlatformPeriodFigures(NOV, PLATFORM_A, KRW, 1_000_000, 1_000_000, 1_000_000, 0, 0, 5_000),
                        new PlatformPeriodFigures(NOV, PLATFORM_B, KRW, 360_000, 360_000, 200_000, 160_000, 0, 0)),
                report.platforms());
    }

    @Test
    void aTamperedStatementPostingRaisesAnAlarmEvenThoughTheLedgerStillBalances() {
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000), line(WRITERS, LICENSED, 200_000)));
        assertTrue(book.reconcile().tiesOut());

        List<LedgerTransaction> journal = tampered("statement:PS-A-2026-11",
                Map.of(AccountId.payable(MUSIC, NOV, KRW), 749_000L, AccountId.payable(WRITERS, NOV, KRW), 201_000L));
        LedgerInvariants.assertHold(ok(Ledger.replay(journal)));

        ReconciliationReport report = reconcileWith(journal);

        assertEquals(List.of(
                        alarm(AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, "society:" + MUSIC, 750_000, 749_000),
                        alarm(AlarmCode.CARRIED_FORWARD_MISMATCH, "society:" + MUSIC, 750_000, 749_000),
                        alarm(AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, "society:" + WRITERS, 200_000, 201_000),
                        alarm(AlarmCode.CARRIED_FORWARD_MISMATCH, "society:" + WRITERS, 200_000, 201_000)),
                report.alarms().stream().map(a -> alarm(a.code(), a.subject(), a.expected(), a.actual())).toList());
        assertTrue(report.alarms().stream().allMatch(a -> NOV.equals(a.periodId()) && KRW.equals(a.currency())));
    }

    @Test
    void aTamperedPayoutAmountRaisesPaidAndControlSumAlarms() {
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000), line(WRITERS, LICENSED, 200_000)));
        PayoutRun run = ok(book.runPayout(request("run-1", "2026-12-05"), PayoutThresholds.none())).run();

        List<LedgerTransaction> journal = tampered(PaymentPosting.transactionId(run.payments().get(0).endToEndId()),
                Map.of(AccountId.payable(MUSIC, NOV, KRW), 749_000L, AccountId.inTransit(MUSIC, KRW), 749_000L));

        assertEquals(List.of(
                        alarm(AlarmCode.PAID_DIFFERS_FROM_PAYMENTS, "society:" + MUSIC, 750_000, 749_000),
                        alarm(AlarmCode.CARRIED_FORWARD_MISMATCH, "society:" + MUSIC, 0, 1_000),
                        alarm(AlarmCode.RUN_TOTAL_MISMATCH, "run:run-1", 950_000, 949_000)),
                reconcileWith(journal).alarms().stream().map(a -> alarm(a.code(), a.subject(), a.expected(), a.actual())).toList());
    }

    @Test
    void aSocietyStatementThatDisagreesWithThePlatformStatementsRaisesAnAlarm() {
        ok(book.receiveStatement(platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000), line(NEWS, LICENSED, 40_000))));
        ok(book.receiveStatement(IssuedStatement.society("SS-MUSIC", NOV, MUSIC, KRW, List.of(new IssuedLine(null, PLATFORM_A, LICENSED, 750_000, null)))));
        ok(book.receiveStatement(IssuedStatement.society("SS-NEWS", NOV, NEWS, KRW, List.of(new IssuedLine(null, PLATFORM_A, LICENSED, 41_000, null)))));

        ReconciliationReport report = book.reconcile();

        assertEquals(1, report.alarms().size(), report.alarms()::toString);
        ReconciliationAlarm alarm = report.alarms().get(0);
        assertEquals(new ReconciliationAlarm(AlarmCode.STATEMENTS_DISAGREE, "society:" + NEWS, NOV, KRW, 40_000, 41_000,
                "payable per the platforms' statements vs the society's own statements: expected 40000, found 41000"), alarm);
    }

    @Test
    void aForeignUnbalancedEntryInTheJournalRaisesAlarms() {
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000)));
        List<LedgerTransaction> journal = new ArrayList<>(ledger.journal());
        journal.add(new LedgerTransaction("receipt:nobody/x", new SourceRef(SourceKind.RECEIPT, "nobody/x"),
                List.of(Posting.debit(AccountId.clearing(KRW), 100), Posting.credit(AccountId.payable(MUSIC, NOV, KRW), 99))));
        journal.add(ledger.journal().get(0));

        Set<AlarmCode> codes = reconcileWith(journal).alarms().stream().map(ReconciliationAlarm::code).collect(Collectors.toSet());

        assertEquals(Set.of(AlarmCode.MALFORMED_TRANSACTION, AlarmCode.UNKNOWN_SOURCE, AlarmCode.UNEXPECTED_ACCOUNT, AlarmCode.DUPLICATE_TRANSACTION,
                AlarmCode.POSTING_DIFFERS_FROM_STATEMENTS, AlarmCode.CARRIED_FORWARD_MISMATCH, AlarmCode.OUTSTANDING_MISMATCH), codes);
    }

    @Test
    void aReceiptMissingFromTheLedgerRaisesAnAlarm() {
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000)));
        ok(book.receivePayment(new Receipt(PLATFORM_A, "a-1", KRW, 500_000, LocalDate.parse("2026-12-01"), "A1")));
        List<LedgerTransaction> journal = ledger.journal().stream().filter(tx -> tx.source().kind() != SourceKind.RECEIPT).toList();

        List<ReconciliationAlarm> alarms = reconcileWith(journal).alarms();

        assertEquals(List.of(new ReconciliationAlarm(AlarmCode.RECEIPT_NOT_POSTED, "receipt:PLAT-A/a-1", null, KRW, 500_000, 0,
                "receipt amount vs cash posted to the clearing account for it")), alarms);
    }

    private record Alarm(AlarmCode code, String subject, long expected, long actual) {
    }

    private static Alarm alarm(AlarmCode code, String subject, long expected, long actual) {
        return new Alarm(code, subject, expected, actual);
    }
}
