package io.fairshare.payout.application;

import io.fairshare.payout.domain.reconciliation.ReconciliationAlarm;
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Reconciles the whole ledger every {@code fairshare.payout.reconcile-every}: the alarm count goes to the gauge
 * {@code fairshare_payout_reconciliation_alarms}, and each alarm is logged at WARN. The same report is served
 * by {@code GET /v1/reconciliation}, which updates the gauge too.
 */
@ApplicationScoped
public class ReconciliationMonitor {
    private static final Logger LOG = Logger.getLogger(ReconciliationMonitor.class);
    private static final int LOGGED = 20;

    private final PayoutService service;

    public ReconciliationMonitor(PayoutService service) {
        this.service = service;
    }

    @Scheduled(every = "${fairshare.payout.reconcile-every:60s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        ReconciliationReport report = service.reconcile();
        if (report.tiesOut()) {
            return;
        }
        LOG.warnf("reconciliation: %d alarm(s); every figure must tie out to the ledger", report.alarms().size());
        for (ReconciliationAlarm a : report.alarms().stream().limit(LOGGED).toList()) {
            LOG.warnf("reconciliation alarm %s %s period %s %s: expected %d, ledger %d: %s", a.code(), a.subject(), a.periodId(), a.currency(),
                    a.expected(), a.actual(), a.message());
        }
    }
}
