package io.fairshare.settlement.domain.period;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which periods are due to close at an instant: a period is due once its end plus the grace time has
 * passed ({@code end + grace <= now}), so usage reported a little late still lands in it. Closes run in
 * order (see {@link PeriodState#beginClose}), so the due periods are a run of consecutive periods: from
 * the first one not yet closed up to the last one whose grace is over, oldest first.
 *
 * @param calendar the periods
 * @param grace    how long after its end a period stays open for late reports
 */
public record CloseSchedule(PeriodCalendar calendar, Duration grace) {
    public CloseSchedule {
        if (calendar == null || grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("a calendar and a grace time of zero or more are required");
        }
    }

    /** Whether {@code period}'s grace is over at {@code now}. */
    public boolean isDue(Period period, Instant now) {
        return !now.isBefore(period.end().plus(grace));
    }

    /** The latest period whose grace is over at {@code now}. */
    public Period latestDue(Instant now) {
        return calendar.previous(calendar.periodOf(now.minus(grace)));
    }

    /**
     * The periods to close at {@code now}, oldest first.
     *
     * @param lastClosed     the latest CLOSED period, if any
     * @param earliestActive the earliest period that holds usage or a begun close, if any: where the
     *                       first close ever starts (with nothing closed and nothing recorded, nothing is due)
     */
    public List<Period> due(Instant now, Optional<Period> lastClosed, Optional<Period> earliestActive) {
        Optional<Period> first = lastClosed.map(calendar::next).or(() -> earliestActive);
        if (first.isEmpty()) {
            return List.of();
        }
        Period last = latestDue(now);
        List<Period> due = new ArrayList<>();
        for (Period p = first.get(); !last.isBefore(p); p = calendar.next(p)) {
            due.add(p);
        }
        return List.copyOf(due);
    }
}
