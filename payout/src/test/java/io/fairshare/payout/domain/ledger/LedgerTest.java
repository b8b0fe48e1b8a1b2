package io.fairshare.payout.domain.ledger;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final AccountId RECEIVABLE = AccountId.receivable(PLATFORM_A, "2026-11", KRW);
    private static final AccountId PAYABLE = AccountId.payable(MUSIC, "2026-11", KRW);
    private final Ledger ledger = new Ledger();

    @AfterEach
    void ledgerStaysSound() {
        LedgerInvariants.assertHold(ledger);
    }

    private static LedgerTransaction tx(String id, Posting... postings) {
        return new LedgerTransaction(id, new SourceRef(SourceKind.STATEMENT, id), List.of(postings));
    }

    @Test
    void aBalancedTransactionIsRecordedAndRaisesBothNormalBalances() {
        PostResult result = ledger.post(tx("t1", Posting.debit(RECEIVABLE, 500_000), Posting.credit(PAYABLE, 500_000)));

        assertInstanceOf(PostResult.Posted.class, result);
        assertEquals(500_000, ledger.balance(RECEIVABLE));
        assertEquals(500_000, ledger.balance(PAYABLE));
        assertEquals(List.of(new TrialBalance(KRW, 500_000, 500_000)), ledger.trialBalance());
    }

    @Test
    void anUnbalancedTransactionIsRefusedAndNothingIsRecorded() {
        PostResult result = ledger.post(tx("t1", Posting.debit(RECEIVABLE, 500_000), Posting.credit(PAYABLE, 499_999)));

        assertEquals(ErrorCode.TRANSACTION_UNBALANCED, ((PostResult.Refused) result).rejection().code());
        assertTrue(ledger.journal().isEmpty());
        assertEquals(0, ledger.balance(RECEIVABLE));
    }

    @Test
    void eachCurrencyMustBalanceOnItsOwn() {
        AccountId usdPayable = AccountId.payable(MUSIC, "2026-11", USD);
        PostResult result = ledger.post(tx("t1", Posting.debit(RECEIVABLE, 100), Posting.credit(usdPayable, 100)));

        assertEquals(ErrorCode.TRANSACTION_UNBALANCED, ((PostResult.Refused) result).rejection().code());
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        PostResult zero = ledger.post(tx("t1", Posting.debit(RECEIVABLE, 0), Posting.credit(PAYABLE, 0)));
        PostResult negative = ledger.post(tx("t2", Posting.debit(RECEIVABLE, -5), Posting.credit(PAYABLE, -5)));
        PostResult empty = ledger.post(tx("t3"));

        assertEquals(ErrorCode.NON_POSITIVE_AMOUNT, ((PostResult.Refused) zero).rejection().code());
        assertEquals(ErrorCode.NON_POSITIVE_AMOUNT, ((PostResult.Refused) negative).rejection().code());
        assertEquals(ErrorCode.INVALID_TRANSACTION, ((PostResult.Refused) empty).rejection().code());
        assertTrue(ledger.journal().isEmpty());
    }

    @Test
    void aPostingThatWouldMakeASocietyPayableNegativeIsRefused() {
        ledger.post(tx("t1", Posting.debit(RECEIVABLE, 100_000), Posting.credit(PAYABLE, 100_000)));

        PostResult overpay = ledger.post(new LedgerTransaction("pay", new SourceRef(SourceKind.PAYOUT, "e2e"),
                List.of(Posting.debit(PAYABLE, 100_001), Posting.credit(AccountId.inTransit(MUSIC, KRW), 100_001))));

        PostResult.Refused refused = assertInstanceOf(PostResult.Refused.class, overpay);
        assertEquals(ErrorCode.NEGATIVE_BALANCE, refused.rejection().code());
        assertTrue(refused.rejection().message().contains("PAYABLE:SOC-MUSIC:2026-11:KRW"), refused.rejection().message());
        assertEquals(100_000, ledger.balance(PAYABLE));
    }

    @Test
    void theClearingAccountMayBeOverdrawnButNoOtherAccount() {
        AccountId clearing = AccountId.clearing(KRW);
        AccountId inTransit = AccountId.inTransit(MUSIC, KRW);
        ledger.post(tx("t1", Posting.debit(RECEIVABLE, 100_000), Posting.credit(PAYABLE, 100_000)));
        ledger.post(new LedgerTransaction("pay", new SourceRef(SourceKind.PAYOUT, "e2e"),
                List.of(Posting.decrease(PAYABLE, 100_000), Posting.increase(inTransit, 100_000))));

        PostResult settled = ledger.post(new LedgerTransaction("settle", new SourceRef(SourceKind.PAYMENT_SETTLED, "e2e"),
                List.of(Posting.decrease(inTransit, 100_000), Posting.decrease(clearing, 100_000))));

        assertInstanceOf(PostResult.Posted.class, settled);
        assertEquals(-100_000, ledger.balance(clearing));
    }

    @Test
    void theSameIdWithTheSameContentIsAlreadyPostedAndWithOtherContentAConflict() {
        LedgerTransaction original = tx("t1", Posting.debit(RECEIVABLE, 500_000), Posting.credit(PAYABLE, 500_000));
        ledger.post(original);

        PostResult again = ledger.post(original);
        PostResult other = ledger.post(tx("t1", Posting.debit(RECEIVABLE, 400_000), Posting.credit(PAYABLE, 400_000)));

        assertEquals(new PostResult.AlreadyPosted(List.of("t1")), again);
        assertEquals(ErrorCode.TRANSACTION_ID_CONFLICT, ((PostResult.Refused) other).rejection().code());
        assertEquals(1, ledger.journal().size());
        assertEquals(500_000, ledger.balance(PAYABLE));
    }

    @Test
    void aBatchIsAllOrNothing() {
        LedgerTransaction good = tx("t1", Posting.debit(RECEIVABLE, 500_000), Posting.credit(PAYABLE, 500_000));
        LedgerTransaction overdraws = new LedgerTransaction("t2", new SourceRef(SourceKind.PAYOUT, "e2e"),
                List.of(Posting.decrease(PAYABLE, 600_000), Posting.increase(AccountId.inTransit(MUSIC, KRW), 600_000)));

        PostResult result = ledger.postAll(List.of(good, overdraws));

        assertEquals(ErrorCode.NEGATIVE_BALANCE, ((PostResult.Refused) result).rejection().code());
        assertTrue(ledger.journal().isEmpty());
        assertEquals(0, ledger.balance(PAYABLE));
    }

    @Test
    void laterTransactionsInABatchSeeTheEarlierOnes() {
        LedgerTransaction issue = tx("t1", Posting.debit(RECEIVABLE, 500_000), Posting.credit(PAYABLE, 500_000));
        LedgerTransaction pay = new LedgerTransaction("t2", new SourceRef(SourceKind.PAYOUT, "e2e"),
                List.of(Posting.decrease(PAYABLE, 500_000), Posting.increase(AccountId.inTransit(MUSIC, KRW), 500_000)));

        PostResult result = ledger.postAll(List.of(issue, pay));

        assertEquals(2, ((PostResult.Posted) result).posted().size());
        assertEquals(0, ledger.balance(PAYABLE));
        assertEquals(500_000, ledger.balance(AccountId.inTransit(MUSIC, KRW)));
    }

    @Test
    void replayingTheJournalRebuildsTheSameBalances() {
        ledger.post(tx("t1", Posting.debit(RECEIVABLE, 500_000), Posting.credit(PAYABLE, 500_000)));
        ledger.post(new LedgerTransaction("t2", new SourceRef(SourceKind.PAYOUT, "e2e"),
                List.of(Posting.decrease(PAYABLE, 300_000), Posting.increase(AccountId.inTransit(MUSIC, KRW), 300_000))));

        Ledger copy = Replay.of(ledger.journal());

        assertEquals(ledger.balances(), copy.balances());
        assertEquals(ledger.journal(), copy.journal());
    }

    @Test
    void accountIdsAreWrittenTypeOwnerPeriodCurrency() {
        assertEquals("PAYABLE:SOC-MUSIC:2026-11:KRW", PAYABLE.toString());
        assertEquals("CLEARING:bank:KRW", AccountId.clearing(KRW).toString());
        assertEquals("PLATFORM_CREDIT:PLAT-A:KRW", AccountId.platformCredit(PLATFORM_A, null, KRW).toString());
    }

    /** Replay through the public API, failing the test on a refusal. */
    static final class Replay {
        static Ledger of(List<LedgerTransaction> journal) {
            return Fixtures.ok(Ledger.replay(journal));
        }
    }
}
