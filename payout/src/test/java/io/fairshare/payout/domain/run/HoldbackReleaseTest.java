package io.fairshare.payout.domain.run;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.NEWS;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_B;
import static io.fairshare.payout.domain.Fixtures.WRITERS;
import static io.fairshare.payout.domain.Fixtures.assertOutcome;
import static io.fairshare.payout.domain.Fixtures.deliver;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.rejected;
import static io.fairshare.payout.domain.Fixtures.unclaimed;
import static io.fairshare.payout.domain.statement.LineCategory.DISPUTED;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static io.fairshare.payout.domain.statement.LineCategory.RESERVED_PENALTY;
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
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.fairshare.payout.domain.reconciliation.SocietyPeriodFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldbackReleaseTest {
    private static final String NOV = "2026-11";
    private final PayoutBook book = Fixtures.bookWithBanks();
    private final LedgerStore ledger = book.ledger();

    @BeforeEach
    void novemberWithHoldbacks() {
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000), line(WRITERS, LICENSED, 200_000),
                line(WRITERS, DISPUTED, 30_000), line(NEWS, RESERVED_PENALTY, 15_000), unclaimed(5_000)));
    }

    @AfterEach
    void ledgerStaysSoundAndTiesOut() {
        LedgerInvariants.assertHold(ledger);
        ReconciliationReport report = book.reconcile();
        assertTrue(report.tiesOut(), report.alarms()::toString);
    }

    @Test
    void aDisputeDecidedForTheSocietyMovesTheHoldbackToItsPayable() {
        ok(book.releaseHoldback(new HoldbackRelease("d-1", AccountId.disputed(WRITERS, NOV, KRW), 30_000, HoldbackRelease.Beneficiary.society(WRITERS))));

        assertEquals(0, ledger.balance(AccountId.disputed(WRITERS, NOV, KRW)));
        assertEquals(230_000, ledger.balance(AccountId.payable(WRITERS, NOV, KRW)));
        SocietyPeriodFigures writers = book.reconcile().society(NOV, WRITERS, KRW).orElseThrow();
        assertEquals(30_000, writers.released());
        assertEquals(0, writers.heldBack());
        assertEquals(230_000, writers.carriedForward());
    }

    @Test
    void aWaivedPenaltyGoesBackToThePlatformAsCreditAndPaysItsReceivable() {
        Handled handled = ok(book.releaseHoldback(new HoldbackRelease("p-1", AccountId.reserved(NEWS, NOV, KRW), 15_000,
                HoldbackRelease.Beneficiary.platform(PLATFORM_A))));

        assertEquals(2, handled.transactions().size());
        assertEquals(0, ledger.balance(AccountId.reserved(NEWS, NOV, KRW)));
        assertEquals(0, ledger.balance(AccountId.platformCredit(PLATFORM_A, NOV, KRW)));
        assertEquals(985_000, ledger.balance(AccountId.receivable(PLATFORM_A, NOV, KRW)));
    }

    @Test
    void anUnclaimedShareClaimedLaterIsPaidToTheClaimingSociety() {
        ok(book.releaseHoldback(new HoldbackRelease("c-1", AccountId.unclaimed(PLATFORM_A, NOV, KRW), 5_000, HoldbackRelease.Beneficiary.society(MUSIC))));

        assertEquals(0, ledger.balance(AccountId.unclaimed(PLATFORM_A, NOV, KRW)));
        assertEquals(755_000, ledger.balance(AccountId.payable(MUSIC, NOV, KRW)));
    }

    @Test
    void releasingMoreThanIsHeldIsRefused() {
        Rejection r = rejected(book.releaseHoldback(new HoldbackRelease("d-1", AccountId.disputed(WRITERS, NOV, KRW), 30_001,
                HoldbackRelease.Beneficiary.society(WRITERS))));

        assertEquals(ErrorCode.HOLDBACK_RELEASE_EXCEEDS_BALANCE, r.code());
        assertEquals(30_000, ledger.balance(AccountId.disputed(WRITERS, NOV, KRW)));
    }

    @Test
    void unclaimedMoneyGoesBackOnlyToThePlatformItCameFrom() {
        Rejection r = rejected(book.releaseHoldback(new HoldbackRelease("c-1", AccountId.unclaimed(PLATFORM_A, NOV, KRW), 5_000,
                HoldbackRelease.Beneficiary.platform(PLATFORM_B))));

        assertEquals(ErrorCode.INVALID_RELEASE, r.code());
    }

    @Test
    void aReleaseDeliveredTwicePostsOnce() {
        HoldbackRelease release = new HoldbackRelease("d-1", AccountId.disputed(WRITERS, NOV, KRW), 10_000, HoldbackRelease.Beneficiary.society(WRITERS));

        assertOutcome(Handled.Outcome.POSTED, book.releaseHoldback(release));
        assertOutcome(Handled.Outcome.DUPLICATE, book.releaseHoldback(release));

        assertEquals(20_000, ledger.balance(AccountId.disputed(WRITERS, NOV, KRW)));
        assertEquals(ErrorCode.RELEASE_ID_CONFLICT, rejected(book.releaseHoldback(
                new HoldbackRelease("d-1", AccountId.disputed(WRITERS, NOV, KRW), 5_000, HoldbackRelease.Beneficiary.society(WRITERS)))).code());
    }
}
