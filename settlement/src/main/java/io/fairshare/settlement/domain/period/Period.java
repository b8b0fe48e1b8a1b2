package io.fairshare.settlement.domain.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One settlement period: {@code [firstDay 00:00, endDay 00:00)} in the scheme's time zone, i.e. the
 * instants from {@link #start()} inclusive to {@link #end()} exclusive. Made by {@link PeriodCalendar}.
 *
 * @param id       e.g. {@code 2026-11}
 * @param firstDay the first day of the period
 * @param endDay   the first day after the period
 */
public record Period(String id, ZoneId zone, LocalDate firstDay, LocalDate endDay) implements Comparable<Period> {
    public Instant start() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return endDay.atStartOfDay(zone).toInstant();
    }

    public LocalDate lastDay() {
        return endDay.minusDays(1);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public boolean isBefore(Period other) {
        return firstDay.isBefore(other.firstDay);
    }

    @Override
    public int compareTo(Period other) {
        return firstDay.compareTo(other.firstDay);
    }
}
