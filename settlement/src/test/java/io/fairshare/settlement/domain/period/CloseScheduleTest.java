package io.fairshare.settlement.domain.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** November 2026 in Seoul ends at 2026-11-30T15:00:00Z; with two hours' grace it is due from 17:00Z. */
class CloseScheduleTest {
    private final PeriodCalendar seoul = PeriodCalendar.defaults();
    private final CloseSchedule schedule = new CloseSchedule(seoul, Duration.ofHours(2));
    private final Period oct = seoul.parse("2026-10").orElseThrow();
    private final Period nov = seoul.parse("2026-11").orElseThrow();
    private final Period dec = seoul.parse("2026-12").orElseThrow();

    private static Instant at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC).instant();
    }

    private static List<String> ids(List<Period> periods) {
        return periods.stream().map(Period::id).toList();
    }

    @Test
    void aPeriodWithinItsGraceTimeIsNotDue() {
        Instant oneSecondEarly = at("2026-11-30T16:59:59Z");
        assertFalse(schedule.isDue(nov, oneSecondEarly));
        assertEquals(List.of(), ids(schedule.due(oneSecondEarly, Optional.of(oct), Optional.of(oct))));
        assertEquals("2026-10", schedule.latestDue(oneSecondEarly).id());
    }

    @Test
    void aPeriodIsDueTheMomentItsGraceTimeIsOver() {
        Instant graceOver = at("2026-11-30T17:00:00Z");
        assertTrue(schedule.isDue(nov, graceOver));
        assertFalse(schedule.isDue(dec, graceOver));
        assertEquals(List.of("2026-11"), ids(schedule.due(graceOver, Optional.of(oct), Optional.of(oct))));
    }

    @Test
    void periodsLeftBehindCloseInOrderOldestFirst() {
        Instant lateJanuary = at("2027-01-20T00:00:00Z");
        assertEquals(List.of("2026-09", "2026-10", "2026-11", "2026-12"),
                ids(schedule.due(lateJanuary, seoul.parse("2026-08"), Optional.of(oct))));
    }

    @Test
    void theFirstCloseEverStartsAtTheEarliestPeriodWithUsage() {
        Instant earlyDecember = at("2026-12-07T00:00:00Z");
        assertEquals(List.of("2026-10", "2026-11"), ids(schedule.due(earlyDecember, Optional.empty(), Optional.of(oct))));
    }

    @Test
    void nothingIsDueWithNothingRecordedOrWhenEverythingDueIsClosed() {
        Instant earlyDecember = at("2026-12-07T00:00:00Z");
        assertEquals(List.of(), schedule.due(earlyDecember, Optional.empty(), Optional.empty()));
        assertEquals(List.of(), schedule.due(earlyDecember, Optional.of(nov), Optional.of(oct)));
        assertEquals(List.of(), schedule.due(earlyDecember, Optional.of(dec), Optional.of(oct)));
    }

    @Test
    void withoutGraceAPeriodIsDueAtItsEnd() {
        CloseSchedule none = new CloseSchedule(seoul, Duration.ZERO);
        assertTrue(none.isDue(nov, nov.end()));
        assertFalse(none.isDue(nov, nov.end().minusMillis(1)));
        assertEquals(List.of("2026-11"), ids(none.due(nov.end(), Optional.of(oct), Optional.empty())));
    }

    @Test
    void aGraceLongerThanAPeriodHoldsBackTheNextOneToo() {
        CloseSchedule fortyDays = new CloseSchedule(seoul, Duration.ofDays(40));
        assertEquals(List.of("2026-10"), ids(fortyDays.due(at("2027-01-05T00:00:00Z"), Optional.of(seoul.previous(oct)), Optional.empty())));
    }

    @Test
    void quarterlyPeriodsCloseByQuarter() {
        PeriodCalendar quarters = new PeriodCalendar(PeriodCalendar.DEFAULT_ZONE, PeriodLength.QUARTERLY);
        CloseSchedule q = new CloseSchedule(quarters, Duration.ofHours(2));
        assertEquals(List.of("2026-Q3", "2026-Q4"),
                ids(q.due(at("2027-01-01T00:00:00Z"), quarters.parse("2026-Q2"), Optional.empty())));
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CloseSchedule(seoul, Duration.ofMinutes(-1)));
    }
}
