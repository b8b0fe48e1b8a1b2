package io.fairshare.settlement.domain.claim;

/** What may be done to a claim, and the state each action leads to. */
public enum ClaimAction {
    ACCEPT(ClaimState.ACCEPTED), REJECT(ClaimState.REJECTED), WITHDRAW(ClaimState.WITHDRAWN);

    private final ClaimState to;

    ClaimAction(ClaimState to) {
        this.to = to;
    }

    public ClaimState to() {
        return to;
    }
}
