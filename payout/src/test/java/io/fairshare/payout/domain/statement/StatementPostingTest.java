package io.fairshare.payout.domain.statement;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.NEWS;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_B;
import static io.fairshare.payout.domain.Fixtures.USD;
import static io.fairshare.payout.domain.Fixtures.WRITERS;
import static io.fairshare.payout.domain.Fixtures.assertOutcome;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.rejected;
import static io.fairshare.payout.domain.Fixtures.unclaimed;
import static io.fairshare.payout.domain.statement.LineCategory.DISPUTED;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static io.fairshare.payout.domain.statement.LineCategory.RESERVED_PENALTY;
import static io.fairshare.payout.domain.statement.LineCategory.UNLICENSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.Fixtures;
import io.fairshare.payout.domain.Handled;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.PayoutThresholds;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatementPostingTest {
    private static final String NOV = "2026-11";
    private static final String DEC = "2026-12";
    private final PayoutBook book = Fixtures.bookWithBanks();
    private final LedgerStore ledger = book.ledger();

    @AfterEach
    void ledgerStaysSound() {
        LedgerInvariants.assertHold(ledger);
    }

    /** PLAT-A owes 1,000,000 KRW for November. */
    private static IssuedStatement november() {
        return platformStatement("PS-A-2026-11", NOV, PLATFORM_A,
                line(MUSIC, LICENSED, 700_000),
                line(MUSIC, UNLICENSED, 50_000),
                line(WRITERS, LICENSED, 200_000),
                line(WRITERS, DISPUTED, 30_000),
                line(NEWS, RESERVED_PENALTY, 15_000),
                unclaimed(5_000));
    }

    @Test
    void aPlatformStatementPostsPayablesHoldbacksAndOneReceivable() {
        Handled handled = ok(book.receiveStatement(november()));

        assertEquals(Handled.Outcome.POSTED, handled.outcome());
        assertEquals(List.of("statement:PS-A-2026-11"), handled.transactions().stream().map(LedgerTransaction::id).toList());
        assertEquals(1_000_000, ledger.balance(AccountId.receivable(PLATFORM_A, NOV, KRW)));
        assertEquals(750_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(200_000, ledger.balance(AccountId.payable(WRITERS, NOV, KRW)));
        assertEquals(30_000, ledger.balance(AccountId.disputed(WRITERS, NOV, KRW)));
        assertEquals(15_000, ledger.balance(AccountId.reserved(NEWS, NOV, KRW)));
        assertEquals(5_000, ledger.balance(AccountId.unclaimed(PLATFORM_A, NOV, KRW)));
        assertEquals(0, ledger.balance(AccountId.payable(NEWS, NOV, KRW)));
    }

    @Test
    void aSocietyStatementIsRecordedButPostsNothing() {
        IssuedStatement society = IssuedStatement.society("SS-MUSIC-2026-11", NOV, MUSIC, KRW,
                List.of(new IssuedLine(null, PLATFORM_A, LICENSED, 700_000, null)));

        assertOutcome(Handled.Outcome.RECORDED, book.receiveStatement(society));
        assertTrue(ledger.journal().isEmpty());
        assertEquals(society, book.records().statement("SS-MUSIC-2026-11").orElseThrow());
    }

    @Test
    void duplicateStatementDeliveryPostsOnce() {
        assertOutcome(Handled.Outcome.POSTED, book.receiveStatement(november()));
        assertOutcome(Handled.Outcome.DUPLICATE, book.receiveStatement(november()));

        assertEquals(1, ledger.journal().size());
        assertEquals(1_000_000, ledger.balance(AccountId.receivable(PLATFORM_A, NOV, KRW)));
        assertEquals(750_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
    }

    @Test
    void duplicateStatementDeliveryPostsOnceEvenAfterBalancesMoved() {
        ok(book.receiveStatement(november()));
        ok(book.runPayout(Fixtures.request("run-1", "2026-12-05"), PayoutThresholds.none()));

        assertOutcome(Handled.Outcome.DUPLICATE, book.receiveStatement(november()));
        assertEquals(0, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
    }

    @Test
    void aStatementIdDeliveredAgainWithOtherContentIsRefused() {
        ok(book.receiveStatement(november()));

        Rejection r = rejected(book.receiveStatement(platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 1))));

        assertEquals(ErrorCode.STATEMENT_ID_CONFLICT, r.code());
        assertEquals(750_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
    }

    @Test
    void aCreditNoteReducesTheOpenPayableAndReceivableOfThePeriodItCorrects() {
        ok(book.receiveStatement(november()));

        ok(book.receiveStatement(platformStatement("PA-A-2026-12-1", DEC, PLATFORM_A,
                IssuedLine.adjustment(MUSIC, LICENSED, -100_000, NOV))));

        assertEquals(650_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(900_000, ledger.balance(AccountId.receivable(PLATFORM_A, NOV, KRW)));
        assertEquals(0, ledger.balance(AccountId.recoverable(MUSIC, NOV, KRW)));
    }

    @Test
    void aCreditNoteBeyondAPaidPayableBecomesRecoverableAndIsOffsetAgainstTheNextPeriod() {
        ok(book.receiveStatement(november()));
        ok(book.runPayout(Fixtures.request("run-1", "2026-12-05"), PayoutThresholds.none()));
        ok(book.receivePayment(new Receipt(PLATFORM_A, "bank-1", KRW, 1_000_000, LocalDate.parse("2026-12-03"), "REF1")));

        ok(book.receiveStatement(platformStatement("PA-A-2026-12-1", DEC, PLATFORM_A,
                IssuedLine.adjustment(MUSIC, LICENSED, -120_000, NOV))));

        assertEquals(0, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(120_000, ledger.balance(AccountId.recoverable(MUSIC, NOV, KRW)));
        assertEquals(120_000, ledger.balance(AccountId.platformCredit(PLATFORM_A, NOV, KRW)));

        Handled december = ok(book.receiveStatement(platformStatement("PS-A-2026-12", DEC, PLATFORM_A, line(MUSIC, LICENSED, 500_000))));

        assertEquals(List.of("statement:PS-A-2026-12", "statement:PS-A-2026-12:credit-applied", "statement:PS-A-2026-12:recovery-offset"),
                december.transactions().stream().map(LedgerTransaction::id).toList());
        assertEquals(380_000, ledger.balance(AccountId.payable(MUSIC, DEC, KRW)));
        assertEquals(0, ledger.balance(AccountId.recoverable(MUSIC, NOV, KRW)));
        assertEquals(380_000, ledger.balance(AccountId.receivable(PLATFORM_A, DEC, KRW)));
        assertEquals(0, ledger.balance(AccountId.platformCredit(PLATFORM_A, NOV, KRW)));
    }

    @Test
    void oneAdjustmentMayCreditOneSocietyAndChargeAnother() {
        ok(book.receiveStatement(november()));

        ok(book.receiveStatement(platformStatement("PA-A-2026-12-2", DEC, PLATFORM_A,
                IssuedLine.adjustment(MUSIC, LICENSED, 300_000, NOV),
                IssuedLine.adjustment(WRITERS, LICENSED, -50_000, NOV))));

        assertEquals(1_050_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
        assertEquals(150_000, ledger.balance(AccountId.payable(WRITERS, NOV, KRW)));
        assertEquals(1_250_000, ledger.balance(AccountId.receivable(PLATFORM_A, NOV, KRW)));
    }

    @Test
    void aCreditLargerThanAHoldbackIsRefusedAndPostsNothing() {
        ok(book.receiveStatement(november()));
        int before = ledger.journal().size();

        Rejection r = rejected(book.receiveStatement(platformStatement("PA-A-2026-12-3", DEC, PLATFORM_A,
                IssuedLine.adjustment(NEWS, RESERVED_PENALTY, -20_000, NOV))));

        assertEquals(ErrorCode.HOLDBACK_CREDIT_EXCEEDS_BALANCE, r.code());
        assertEquals(before, ledger.journal().size());
        assertTrue(book.records().statement("PA-A-2026-12-3").isEmpty(), "a refused statement is not recorded, so it can be delivered again");
    }

    @Test
    void twoDecimalCurrencyAmountsPostExactlyInMinorUnits() {
        ok(book.receiveStatement(IssuedStatement.platform("PS-B-2026-11-USD", NOV, PLATFORM_B, USD,
                List.of(line(MUSIC, LICENSED, 123_456), unclaimed(44)))));

        assertEquals(123_500, ledger.balance(AccountId.receivable(PLATFORM_B, NOV, USD)));
        assertEquals(123_456, ledger.balance(AccountId.payable(MUSIC, NOV, USD)));
        assertEquals(0, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
    }

    @Test
    void aStatementThatNetsToZeroIsRecordedWithoutPostings() {
        assertOutcome(Handled.Outcome.RECORDED, book.receiveStatement(platformStatement("PS-A-ZERO", NOV, PLATFORM_A,
                line(MUSIC, LICENSED, 10_000), line(MUSIC, LICENSED, -10_000))));

        assertTrue(ledger.journal().isEmpty());
    }

    @Test
    void malformedStatementsAreRefusedWithTheFieldThatIsWrong() {
        assertEquals("lines[0]: a LICENSED line needs a societyId", rejected(book.receiveStatement(
                platformStatement("X1", NOV, PLATFORM_A, line(null, LICENSED, 1)))).message());
        assertEquals("lines[0]: an UNCLAIMED line has no society", rejected(book.receiveStatement(
                platformStatement("X2", NOV, PLATFORM_A, line(MUSIC, LineCategory.UNCLAIMED, 1)))).message());
        assertEquals("periodId must look like 2026-11, got: November", rejected(book.receiveStatement(
                platformStatement("X3", "November", PLATFORM_A, line(MUSIC, LICENSED, 1)))).message());
        assertEquals("currency must be an ISO 4217 code with a minor unit, got: XAU", rejected(book.receiveStatement(
                IssuedStatement.platform("X4", NOV, PLATFORM_A, "XAU", List.of(line(MUSIC, LICENSED, 1))))).message());
        assertEquals("lines[0]: correctsPeriod must be a period not after 2026-11, got: 2026-12", rejected(book.receiveStatement(
                platformStatement("X5", NOV, PLATFORM_A, IssuedLine.adjustment(MUSIC, LICENSED, 1, DEC)))).message());
        assertTrue(ledger.journal().isEmpty());
    }
}
