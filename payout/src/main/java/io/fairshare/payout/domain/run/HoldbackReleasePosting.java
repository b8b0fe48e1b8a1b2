package io.fairshare.payout.domain.run;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.BalanceOverlay;
import io.fairshare.payout.domain.ledger.Balances;
import io.fairshare.payout.domain.ledger.CreditApplication;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.RecoveryOffset;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The posting rule of a holdback decided ({@link HoldbackRelease}). */
public final class HoldbackReleasePosting {
    private HoldbackReleasePosting() {
    }

    public static String transactionId(String releaseId) {
        return "release:" + releaseId;
    }

    /**
     * Dr the holdback (up to its balance, else refused), Cr the beneficiary society's PAYABLE or the
     * platform's PLATFORM_CREDIT, in the holdback's period; then {@link RecoveryOffset} or
     * {@link CreditApplication} for the beneficiary.
     */
    public static Result<List<LedgerTransaction>> postingsFor(HoldbackRelease release, Balances balances) {
        Optional<Rejection> invalid = release.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        long held = balances.balance(release.holdback());
        if (release.amount() > held) {
            return Result.rejected(ErrorCode.HOLDBACK_RELEASE_EXCEEDS_BALANCE,
                    "release " + release.releaseId() + " of " + release.amount() + " exceeds " + release.holdback() + " which holds " + held);
        }
        AccountId target = release.target();
        LedgerTransaction tx = new LedgerTransaction(transactionId(release.releaseId()),
                new SourceRef(SourceKind.HOLDBACK_RELEASE, release.releaseId()),
                List.of(Posting.decrease(release.holdback(), release.amount()), Posting.increase(target, release.amount())));
        List<LedgerTransaction> result = new ArrayList<>(List.of(tx));
        BalanceOverlay after = new BalanceOverlay(balances).apply(tx);
        Optional<LedgerTransaction> follow = target.type() == AccountType.PAYABLE
                ? RecoveryOffset.postingsFor(List.of(target.owner()), target.currency(), after, tx.id() + ":recovery-offset", release.releaseId())
                : CreditApplication.postingsFor(List.of(target.owner()), target.currency(), after, tx.id() + ":credit-applied", release.releaseId());
        follow.ifPresent(result::add);
        return Result.ok(result);
    }
}
