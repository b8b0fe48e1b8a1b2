package io.fairshare.settlement.application;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.config.SettlementSettings;
import io.fairshare.settlement.domain.period.CloseSchedule;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.persistence.CloseScheduleStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Closes every period whose grace time is over ({@link CloseSchedule}), oldest first, through the same
 * {@link CloseService#close} as the API, so a scheduled close issues exactly the statements an
 * operator's close would. One instance sweeps at a time (the {@link CloseScheduleStore} advisory
 * lock); the close's own state transition, guarded in the database, makes even a race harmless.
 */
@ApplicationScoped
public class ScheduledClose {
    private static final Logger LOG = Logger.getLogger(ScheduledClose.class);

    /**
     * What one sweep did.
     *
     * @param locked    false when another instance held the sweep lock (nothing was done)
     * @param closed    the periods this sweep closed, oldest first
     * @param stoppedAt the period whose close failed (later ones wait for it), if any
     */
    public record Sweep(boolean locked, List<String> closed, Optional<String> stoppedAt) {
    }

    private final CloseService close;
    private final CloseScheduleStore store;
    private final CloseSchedule schedule;
    private final PeriodCalendar calendar;
    private final SettlementSettings settings;
    private final Clock clock;

    public ScheduledClose(CloseService close, CloseScheduleStore store, CloseSchedule schedule, PeriodCalendar calendar,
                          SettlementSettings settings, Clock clock) {
        this.close = close;
        this.store = store;
        this.schedule = schedule;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(identity = "scheduled-close", every = "${fairshare.settlement.close.schedule-every:1m}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!settings.close().enabled()) {
            return;
        }
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("scheduled close: sweep failed, next try in %s: %s", settings.close().scheduleEvery(), e.toString());
        }
    }

    /** Closes the periods due at {@code now}, unless another instance is sweeping. */
    public Sweep sweep(Instant now) {
        return store.whileLocked(() -> sweepLocked(now)).orElseGet(() -> {
            LOG.debug("scheduled close: another instance is sweeping");
            return new Sweep(false, List.of(), Optional.empty());
        });
    }

    private Sweep sweepLocked(Instant now) {
        List<Period> due = schedule.due(now, parse(store.lastClosed()), parse(store.earliestActive()));
        List<String> closed = new ArrayList<>();
        for (Period p : due) {
            try {
                CloseService.Closed c = close.close(p.id());
                closed.add(p.id());
                LOG.infof("scheduled close: period %s closed (%s after its end, grace %s): %d statement(s)", p.id(),
                        java.time.Duration.between(p.end(), now), schedule.grace(), c.statements().size());
            } catch (ApiProblem e) {
                LOG.warnf("scheduled close: period %s not closed, later periods wait for it: %s (%s)", p.id(), e.getMessage(),
                        e.problem().type());
                return new Sweep(true, List.copyOf(closed), Optional.of(p.id()));
            }
        }
        return new Sweep(true, List.copyOf(closed), Optional.empty());
    }

    private Optional<Period> parse(Optional<String> periodId) {
        return periodId.flatMap(calendar::parse);
    }
}
