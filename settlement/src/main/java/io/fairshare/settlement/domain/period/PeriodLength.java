package io.fairshare.settlement.domain.period;

/**
 * How long a settlement period is. Ids: MONTHLY {@code 2026-11}; QUARTERLY {@code 2026-Q4}.
 * Both start on the first day of a calendar month at midnight in the scheme's time zone.
 */
public enum PeriodLength {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    PeriodLength(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
