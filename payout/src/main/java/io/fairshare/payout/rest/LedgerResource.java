package io.fairshare.payout.rest;

import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.domain.reconciliation.PlatformPeriodFigures;
import io.fairshare.payout.domain.reconciliation.ReconciliationAlarm;
import io.fairshare.payout.domain.reconciliation.ReconciliationReport;
import io.fairshare.payout.domain.reconciliation.SocietyPeriodFigures;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The books: trial balance and reconciliation. */
@Path("/v1")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {
    /** The report, optionally for one period (alarms of that period and those without a period). */
    public record ReconciliationView(String periodId, boolean tiesOut, int alarmCount, List<SocietyPeriodFigures> societies,
                                     List<PlatformPeriodFigures> platforms, List<ReconciliationAlarm> alarms) {
    }

    private final PayoutService service;

    public LedgerResource(PayoutService service) {
        this.service = service;
    }

    @GET
    @Path("/ledger/trial-balance")
    public PayoutService.TrialBalanceView trialBalance() {
        return service.trialBalance();
    }

    @GET
    @Path("/reconciliation")
    public ReconciliationView reconciliation(@QueryParam("periodId") String periodId) {
        ReconciliationReport r = service.reconcile();
        List<SocietyPeriodFigures> societies = r.societies().stream().filter(f -> periodId == null || periodId.equals(f.periodId())).toList();
        List<PlatformPeriodFigures> platforms = r.platforms().stream().filter(f -> periodId == null || periodId.equals(f.periodId())).toList();
        List<ReconciliationAlarm> alarms = r.alarms().stream()
                .filter(a -> periodId == null || a.periodId() == null || periodId.equals(a.periodId())).toList();
        return new ReconciliationView(periodId, alarms.isEmpty(), alarms.size(), societies, platforms, alarms);
    }
}
