package io.fairshare.payout.domain.run;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import java.util.Optional;

/**
 * A decision on held-back money: part or all of one holdback account goes to a society's payable (a claim,
 * a dispute won, a penalty awarded) or back to a platform as credit (a penalty waived). The money keeps the
 * holdback's period.
 */
public record HoldbackRelease(String releaseId, AccountId holdback, long amount, Beneficiary beneficiary) {

    /** Who receives released money. */
    public record Beneficiary(Kind kind, String id) {
        public enum Kind {
            SOCIETY,
            PLATFORM
        }

        public static Beneficiary society(String societyId) {
            return new Beneficiary(Kind.SOCIETY, societyId);
        }

        public static Beneficiary platform(String platformId) {
            return new Beneficiary(Kind.PLATFORM, platformId);
        }
    }

    /** Where the released money is credited. */
    public AccountId target() {
        return beneficiary.kind() == Beneficiary.Kind.SOCIETY
                ? AccountId.payable(beneficiary.id(), holdback.period(), holdback.currency())
                : AccountId.platformCredit(beneficiary.id(), holdback.period(), holdback.currency());
    }

    public Optional<Rejection> validate() {
        if (releaseId == null || releaseId.isBlank()) {
            return invalid("releaseId is required");
        }
        if (holdback == null || !holdback.type().isHoldback()) {
            return invalid("holdback must be a HOLDBACK_* account, got: " + holdback);
        }
        if (amount <= 0) {
            return invalid("amount must be positive, got: " + amount);
        }
        if (beneficiary == null || beneficiary.kind() == null || beneficiary.id() == null || beneficiary.id().isBlank()) {
            return invalid("beneficiary (SOCIETY or PLATFORM, with an id) is required");
        }
        if (holdback.type() == AccountType.HOLDBACK_UNCLAIMED && beneficiary.kind() == Beneficiary.Kind.PLATFORM
                && !beneficiary.id().equals(holdback.owner())) {
            return invalid("unclaimed money goes back only to the platform it came from (" + holdback.owner() + ")");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> invalid(String message) {
        return Optional.of(Rejection.of(ErrorCode.INVALID_RELEASE, message));
    }
}
