package io.fairshare.settlement.domain.period;

import java.time.Instant;

/**
 * The life of a period: {@code OPEN -> CLOSING -> CLOSED}, never back. Every transition is decided
 * here and nowhere else. Both steps of a close are safe to retry: beginning a close that has begun,
 * or completing one that has completed, is {@link PeriodTransition.Outcome#UNCHANGED}, not an error.
 */
public enum PeriodState {
    /** Usage whose time of use falls in the period is settled in it. */
    OPEN,
    /** Statements are being computed from a frozen set of rows; usage arriving now is late usage. */
    CLOSING,
    /** Statements are issued and never change; late usage becomes an adjustment on a later period. */
    CLOSED;

    /** Whether usage that falls in this period is settled as a regular line of it (otherwise: an adjustment later). */
    public boolean acceptsRegularUsage() {
        return this == OPEN;
    }

    /**
     * Start closing {@code period} at {@code now}. Refused while the period has not ended yet, or while
     * the period before it is not closed (closes run in order, so "the next statement" is well defined).
     */
    public PeriodTransition beginClose(Period period, Instant now, PeriodState previousPeriod) {
        return switch (this) {
            case OPEN -> {
                if (now.isBefore(period.end())) {
                    yield PeriodTransition.rejected(this, "PERIOD_NOT_ENDED",
                            "period " + period.id() + " ends at " + period.end() + "; it cannot close before then");
                }
                if (previousPeriod != null && previousPeriod != CLOSED) {
                    yield PeriodTransition.rejected(this, "PREVIOUS_PERIOD_NOT_CLOSED",
                            "the period before " + period.id() + " is " + previousPeriod + "; close it first");
                }
                yield PeriodTransition.changed(this, CLOSING);
            }
            case CLOSING, CLOSED -> PeriodTransition.unchanged(this);
        };
    }

    /** Mark the close complete once its statements are stored. */
    public PeriodTransition completeClose() {
        return switch (this) {
            case OPEN -> PeriodTransition.rejected(this, "CLOSE_NOT_BEGUN", "a period must be closing before its close completes");
            case CLOSING -> PeriodTransition.changed(this, CLOSED);
            case CLOSED -> PeriodTransition.unchanged(this);
        };
    }
}
