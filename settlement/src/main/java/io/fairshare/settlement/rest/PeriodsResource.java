package io.fairshare.settlement.rest;

import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.fairshare.settlement.application.StatementAccess;
import io.fairshare.settlement.application.CloseService;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.application.Statements;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

@Path("/v1/periods/{periodId}")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM, Roles.PARTY})
@Produces(MediaType.APPLICATION_JSON)
public class PeriodsResource {
    public record PeriodView(String periodId, String state, Instant start, Instant end) {
    }

    public record CloseView(String periodId, String state, List<StatementView> statements) {
    }

    public record ProvisionalView(String periodId, String state, boolean provisional, int rows, List<StatementView> statements,
                                  List<?> errors) {
    }

    private final CurrentCaller caller;
    private final CloseService close;
    private final io.fairshare.settlement.application.Terms terms;
    private final Statements store;

    public PeriodsResource(CurrentCaller caller, CloseService close, io.fairshare.settlement.application.Terms terms, Statements store) {
        this.caller = caller;
        this.close = close;
        this.terms = terms;
        this.store = store;
    }

    @GET
    public PeriodView period(@PathParam("periodId") String periodId) {
        Period p = terms.period(periodId);
        return new PeriodView(p.id(), store.state(p.id()).name(), p.start(), p.end());
    }

    /** Closes the period (operator). Idempotent: a closed period answers its stored statements. */
    @POST
    @Path("/close")
    @RolesAllowed(Roles.OPERATOR)
    public CloseView close(@PathParam("periodId") String periodId) {
        CloseService.Closed c = close.close(caller.get(), periodId);
        return new CloseView(c.periodId(), c.state().name(), c.statements().stream().map(StatementView::of).toList());
    }

    /** Running figures of the period so far, as a close would compute them now; each caller sees its own statements. */
    @GET
    @Path("/provisional")
    public ProvisionalView provisional(@PathParam("periodId") String periodId) {
        Caller who = caller.get();
        CloseService.Provisional p = close.provisional(periodId);
        return new ProvisionalView(p.periodId(), p.state().name(), true, p.rows(),
                p.statements().stream().filter(s -> StatementAccess.mayRead(who, s)).map(StatementView::of).toList(),
                StatementAccess.seesEverything(who) ? p.errors() : List.of());
    }
}
