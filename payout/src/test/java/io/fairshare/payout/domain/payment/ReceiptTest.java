package io.fairshare.payout.domain.payment;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_B;
import static io.fairshare.payout.domain.Fixtures.assertOutcome;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.rejected;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.Fixtures;
import io.fairshare.payout.domain.Handled;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.ledger.LedgerStore;
import io.fairshare.payout.domain.ledger.Posting;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptTest {
    private final PayoutBook book = Fixtures.bookWithBanks();
    private final LedgerStore ledger = book.ledger();

    @BeforeEach
    void twoOpenPeriods() {
        ok(book.receiveStatement(platformStatement("PS-A-2026-10", "2026-10", PLATFORM_A, line(MUSIC, LICENSED, 300_000))));
        ok(book.receiveStatement(platformStatement("PS-A-2026-11", "2026-11", PLATFORM_A, line(MUSIC, LICENSED, 500_000))));
    }

    @AfterEach
    void ledgerStaysSound() {
        LedgerInvariants.assertHold(ledger);
    }

    private static Receipt receipt(String key, long amount) {
        return new Receipt(PLATFORM_A, key, KRW, amount, LocalDate.parse("2026-12-02"), "BANKREF-" + key);
    }

    @Test
    void aReceiptPaysTheOldestPeriodFirst() {
        Handled handled = ok(book.receivePayment(receipt("k-1", 600_000)));

        assertEquals(List.of(
                Posting.debit(AccountId.clearing(KRW), 600_000),
                Posting.credit(AccountId.receivable(PLATFORM_A, "2026-10", KRW), 300_000),
                Posting.credit(AccountId.receivable(PLATFORM_A, "2026-11", KRW), 300_000)),
                handled.transactions().get(0).postings());
        assertEquals(0, ledger.balance(AccountId.receivable(PLATFORM_A, "2026-10", KRW)));
        assertEquals(200_000, ledger.balance(AccountId.receivable(PLATFORM_A, "2026-11", KRW)));
        assertEquals(600_000, ledger.balance(AccountId.clearing(KRW)));
    }

    @Test
    void anOverpaymentIsKeptAsPlatformCreditAndAppliedToTheNextStatement() {
        ok(book.receivePayment(receipt("k-1", 850_000)));

        AccountId credit = AccountId.platformCredit(PLATFORM_A, null, KRW);
        assertEquals(50_000, ledger.balance(credit));
        assertEquals(0, ledger.total(AccountType.RECEIVABLE, PLATFORM_A, KRW));

        ok(book.receiveStatement(platformStatement("PS-A-2026-12", "2026-12", PLATFORM_A, line(MUSIC, LICENSED, 200_000))));

        assertEquals(0, ledger.balance(credit));
        assertEquals(150_000, ledger.balance(AccountId.receivable(PLATFORM_A, "2026-12", KRW)));
    }

    @Test
    void duplicatePaymentNotificationPostsOnce() {
        assertOutcome(Handled.Outcome.POSTED, book.receivePayment(receipt("k-1", 600_000)));
        assertOutcome(Handled.Outcome.DUPLICATE, book.receivePayment(receipt("k-1", 600_000)));

        assertEquals(600_000, ledger.balance(AccountId.clearing(KRW)));
        assertEquals(200_000, ledger.balance(AccountId.receivable(PLATFORM_A, "2026-11", KRW)));
        assertEquals(3, ledger.journal().size());
    }

    @Test
    void anIdempotencyKeyReusedForAnotherAmountIsRefused() {
        ok(book.receivePayment(receipt("k-1", 600_000)));

        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, rejected(book.receivePayment(receipt("k-1", 700_000))).code());
        assertEquals(600_000, ledger.balance(AccountId.clearing(KRW)));
    }

    @Test
    void idempotencyKeysAreScopedToThePlatform() {
        ok(book.receivePayment(receipt("k-1", 100_000)));

        assertOutcome(Handled.Outcome.POSTED,
                book.receivePayment(new Receipt(PLATFORM_B, "k-1", KRW, 100_000, LocalDate.parse("2026-12-02"), "B")));
        assertEquals(100_000, ledger.balance(AccountId.platformCredit(PLATFORM_B, null, KRW)));
    }

    @Test
    void aReceiptWithoutIdempotencyKeyOrWithANonPositiveAmountIsRefused() {
        assertEquals("idempotencyKey is required", rejected(book.receivePayment(receipt(" ", 1))).message());
        assertEquals(ErrorCode.INVALID_RECEIPT, rejected(book.receivePayment(receipt("k-0", 0))).code());
        assertEquals(2, ledger.journal().size());
    }
}
