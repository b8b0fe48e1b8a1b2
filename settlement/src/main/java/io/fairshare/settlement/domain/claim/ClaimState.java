package io.fairshare.settlement.domain.claim;

import java.util.Optional;

/**
 * A claim's life: {@code OPEN -> ACCEPTED | REJECTED} (the operator decides) or {@code OPEN -> WITHDRAWN} (the
 * claimant). ACCEPTED, REJECTED and WITHDRAWN are final. Who may act is the caller's rule ({@link ClaimRules#mayAct});
 * this is only whether the state allows the action.
 */
public enum ClaimState {
    OPEN, ACCEPTED, REJECTED, WITHDRAWN;

    /** The state {@code action} leads to from this one, or empty when this state does not allow it (every final state). */
    public Optional<ClaimState> after(ClaimAction action) {
        return this == OPEN ? Optional.of(action.to()) : Optional.empty();
    }

    public boolean isFinal() {
        return this != OPEN;
    }
}
