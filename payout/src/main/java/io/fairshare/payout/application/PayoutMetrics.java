package io.fairshare.payout.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payout's meters (Prometheus names in brackets): {@code fairshare.payout.statements{outcome=posted|recorded|duplicate|rejected}}
 * [fairshare_payout_statements_total], {@code fairshare.payout.payments{status}} [fairshare_payout_payments_total] counting
 * payments planned and every status change, {@code fairshare.payout.runs} [fairshare_payout_runs_total] counting runs
 * created, and the gauge {@code fairshare.payout.reconciliation.alarms} [fairshare_payout_reconciliation_alarms]: the
 * alarms of the latest reconciliation.
 */
@Startup
@ApplicationScoped
public class PayoutMetrics {
    private final MeterRegistry registry;
    private final AtomicLong alarms = new AtomicLong();

    public PayoutMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("fairshare.payout.reconciliation.alarms", alarms, AtomicLong::get)
                .description("alarms of the latest reconciliation (0 when every figure ties out)")
                .register(registry);
    }

    public void statement(String outcome) {
        Counter.builder("fairshare.payout.statements").description("issued statements received, by outcome")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    public void payments(String status, int n) {
        Counter.builder("fairshare.payout.payments").description("payments planned (PLANNED) and status changes, by status")
                .tag("status", status).register(registry).increment(n);
    }

    public void runCreated() {
        Counter.builder("fairshare.payout.runs").description("payout runs created").register(registry).increment();
    }

    public void alarms(long n) {
        alarms.set(n);
    }

    public long alarms() {
        return alarms.get();
    }
}
