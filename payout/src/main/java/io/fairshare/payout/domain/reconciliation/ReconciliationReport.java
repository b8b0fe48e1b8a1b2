package io.fairshare.payout.domain.reconciliation;

import java.util.List;
import java.util.Optional;

/** The figures per (period, society) and (period, platform), and every alarm. Ties out when there are no alarms. */
public record ReconciliationReport(List<SocietyPeriodFigures> societies, List<PlatformPeriodFigures> platforms, List<ReconciliationAlarm> alarms) {
    public ReconciliationReport {
        societies = List.copyOf(societies);
        platforms = List.copyOf(platforms);
        alarms = List.copyOf(alarms);
    }

    public boolean tiesOut() {
        return alarms.isEmpty();
    }

    public Optional<SocietyPeriodFigures> society(String periodId, String societyId, String currency) {
        return societies.stream()
                .filter(f -> f.periodId().equals(periodId) && f.societyId().equals(societyId) && f.currency().equals(currency))
                .findFirst();
    }

    public Optional<PlatformPeriodFigures> platform(String periodId, String platformId, String currency) {
        return platforms.stream()
                .filter(f -> f.periodId().equals(periodId) && f.platformId().equals(platformId) && f.currency().equals(currency))
                .findFirst();
    }
}
