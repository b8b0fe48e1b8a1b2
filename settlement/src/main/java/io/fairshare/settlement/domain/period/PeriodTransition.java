package io.fairshare.settlement.domain.period;

/**
 * The answer to a requested period transition.
 *
 * @param from   the state before
 * @param to     the state after (equal to {@code from} unless {@code CHANGED})
 * @param code   a stable reason code when {@code REJECTED}, else null
 * @param reason a sentence an operator can act on when {@code REJECTED}, else null
 */
public record PeriodTransition(PeriodState from, PeriodState to, Outcome outcome, String code, String reason) {
    public enum Outcome {
        /** The state moved; persist {@code to}. */
        CHANGED,
        /** Already there (a retry): nothing to persist, carry on. */
        UNCHANGED,
        /** Not allowed now; the state stays. */
        REJECTED
    }

    static PeriodTransition changed(PeriodState from, PeriodState to) {
        return new PeriodTransition(from, to, Outcome.CHANGED, null, null);
    }

    static PeriodTransition unchanged(PeriodState state) {
        return new PeriodTransition(state, state, Outcome.UNCHANGED, null, null);
    }

    static PeriodTransition rejected(PeriodState state, String code, String reason) {
        return new PeriodTransition(state, state, Outcome.REJECTED, code, reason);
    }

    public boolean isAllowed() {
        return outcome != Outcome.REJECTED;
    }
}
