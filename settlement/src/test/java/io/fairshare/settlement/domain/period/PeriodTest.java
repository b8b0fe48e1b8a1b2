package io.fairshare.settlement.domain.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodTest {
    private final PeriodCalendar seoul = PeriodCalendar.defaults();

    @Test
    void aPeriodRunsFromMidnightToMidnightInSeoul() {
        Period nov = seoul.parse("2026-11").orElseThrow();
        assertEquals(Instant.parse("2026-10-31T15:00:00Z"), nov.start());
        assertEquals(Instant.parse("2026-11-30T15:00:00Z"), nov.end());
        assertEquals(LocalDate.of(2026, 11, 30), nov.lastDay());
        assertTrue(nov.contains(Instant.parse("2026-10-31T15:00:00Z")));
        assertFalse(nov.contains(Instant.parse("2026-11-30T15:00:00Z")));
    }

    @Test
    void anInstantBelongsToThePeriodOfItsLocalDate() {
        assertEquals("2026-11", seoul.periodOf(Instant.parse("2026-11-30T14:59:59Z")).id());
        assertEquals("2026-12", seoul.periodOf(Instant.parse("2026-11-30T15:00:00Z")).id());
        PeriodCalendar utc = new PeriodCalendar(ZoneId.of("UTC"), PeriodLength.MONTHLY);
        assertEquals("2026-11", utc.periodOf(Instant.parse("2026-11-30T15:00:00Z")).id());
    }

    @Test
    void theNextPeriodCrossesTheYear() {
        Period dec = seoul.parse("2026-12").orElseThrow();
        assertEquals("2027-01", seoul.next(dec).id());
        assertEquals("2026-11", seoul.previous(dec).id());
        assertTrue(seoul.previous(dec).isBefore(dec));
    }

    @Test
    void quarterlyPeriodsAreNamedByQuarter() {
        PeriodCalendar quarterly = new PeriodCalendar(PeriodCalendar.DEFAULT_ZONE, PeriodLength.QUARTERLY);
        Period q4 = quarterly.periodOf(Instant.parse("2026-11-15T00:00:00Z"));
        assertEquals("2026-Q4", q4.id());
        assertEquals(LocalDate.of(2026, 10, 1), q4.firstDay());
        assertEquals(LocalDate.of(2026, 12, 31), q4.lastDay());
        assertEquals("2027-Q1", quarterly.next(q4).id());
        assertEquals(Optional.of(q4), quarterly.parse("2026-Q4"));
    }

    @Test
    void idsOfAnotherFormAreNotPeriods() {
        assertEquals(Optional.empty(), seoul.parse("2026-13"));
        assertEquals(Optional.empty(), seoul.parse("2026-Q4"));
        assertEquals(Optional.empty(), seoul.parse("2026-1"));
        assertEquals(Optional.empty(), seoul.parse(null));
    }

    @Test
    void aPeriodClosesOnlyAfterItEndsAndAfterThePeriodBeforeIt() {
        Period nov = seoul.parse("2026-11").orElseThrow();
        Instant after = Instant.parse("2026-12-01T00:00:00Z");

        PeriodTransition early = PeriodState.OPEN.beginClose(nov, Instant.parse("2026-11-30T14:59:59Z"), PeriodState.CLOSED);
        assertEquals(PeriodTransition.Outcome.REJECTED, early.outcome());
        assertEquals("PERIOD_NOT_ENDED", early.code());

        PeriodTransition outOfOrder = PeriodState.OPEN.beginClose(nov, after, PeriodState.CLOSING);
        assertEquals("PREVIOUS_PERIOD_NOT_CLOSED", outOfOrder.code());
        assertEquals(PeriodState.OPEN, outOfOrder.to());

        PeriodTransition begin = PeriodState.OPEN.beginClose(nov, after, PeriodState.CLOSED);
        assertEquals(new PeriodTransition(PeriodState.OPEN, PeriodState.CLOSING, PeriodTransition.Outcome.CHANGED, null, null), begin);
        assertEquals(PeriodTransition.Outcome.CHANGED, PeriodState.OPEN.beginClose(nov, after, null).outcome());
    }

    @Test
    void closingIsSafeToRetryAndNeverGoesBack() {
        Period nov = seoul.parse("2026-11").orElseThrow();
        Instant after = Instant.parse("2026-12-01T00:00:00Z");
        assertEquals(PeriodTransition.Outcome.UNCHANGED, PeriodState.CLOSING.beginClose(nov, after, PeriodState.CLOSED).outcome());
        assertEquals(PeriodTransition.Outcome.UNCHANGED, PeriodState.CLOSED.beginClose(nov, after, PeriodState.CLOSED).outcome());
        assertEquals(PeriodState.CLOSED, PeriodState.CLOSING.completeClose().to());
        assertEquals(PeriodTransition.Outcome.UNCHANGED, PeriodState.CLOSED.completeClose().outcome());
        assertEquals("CLOSE_NOT_BEGUN", PeriodState.OPEN.completeClose().code());
        assertFalse(PeriodState.OPEN.completeClose().isAllowed());
    }

    @Test
    void onlyAnOpenPeriodTakesRegularUsage() {
        assertTrue(PeriodState.OPEN.acceptsRegularUsage());
        assertFalse(PeriodState.CLOSING.acceptsRegularUsage());
        assertFalse(PeriodState.CLOSED.acceptsRegularUsage());
    }
}
