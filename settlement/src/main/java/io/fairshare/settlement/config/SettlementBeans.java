package io.fairshare.settlement.config;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.period.PeriodLength;
import io.fairshare.settlement.domain.close.SettlementConfig;
import io.fairshare.settlement.domain.close.StatementCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.RoundingMode;
import java.time.ZoneId;

/** The domain's settings and calculator, made once from {@link SettlementSettings} (singletons: records cannot be proxied). */
@ApplicationScoped
public class SettlementBeans {
    @Produces
    @Singleton
    SettlementConfig settlementConfig(SettlementSettings s) {
        CurrencyUnit currency = CurrencyUnit.of(s.currency())
                .orElseThrow(() -> new IllegalArgumentException("fairshare.settlement.currency: unknown currency " + s.currency()));
        return new SettlementConfig(currency, RoundingMode.valueOf(s.totalRounding()),
                new PeriodCalendar(ZoneId.of(s.timeZone()), PeriodLength.valueOf(s.periodLength())));
    }

    @Produces
    @Singleton
    PeriodCalendar periodCalendar(SettlementConfig config) {
        return config.calendar();
    }

    @Produces
    @Singleton
    StatementCalculator statementCalculator(SettlementConfig config) {
        return new StatementCalculator(config);
    }
}
