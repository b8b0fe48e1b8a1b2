package io.fairshare.settlement.config;

import io.fairshare.settlement.domain.period.CloseSchedule;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The scheduled close's rule (from {@link SettlementSettings.Close}) and the clock it reads. */
@ApplicationScoped
public class CloseScheduleBeans {
    @Produces
    @Singleton
    CloseSchedule closeSchedule(PeriodCalendar calendar, SettlementSettings settings) {
        return new CloseSchedule(calendar, settings.close().grace());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
