package io.fairshare.settlement.rest;

import io.fairshare.settlement.application.Authenticator;
import io.fairshare.settlement.application.Caller;
import io.fairshare.settlement.application.CloseService;
import io.fairshare.settlement.domain.Period;
import io.fairshare.settlement.persistence.SettlementStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

@Path("/v1/periods/{periodId}")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodsResource {
    public record PeriodView(String periodId, String state, Instant start, Instant end) {
    }

    public record CloseView(String periodId, String state, List<StatementView> statements) {
    }

    public record ProvisionalView(String periodId, String state, boolean provisional, int rows, List<StatementView> statements,
                                  List<?> errors) {
    }

    private final Authenticator auth;
    private final CloseService close;
    private final io.fairshare.settlement.application.Terms terms;
    private final SettlementStore store;

    public PeriodsResource(Authenticator auth, CloseService close, io.fairshare.settlement.application.Terms terms, SettlementStore store) {
        this.auth = auth;
        this.close = close;
        this.terms = terms;
        this.store = store;
    }

    @GET
    public PeriodView period(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("periodId") String periodId)
            throws SQLException {
        auth.authenticate(authorization);
        Period p = terms.period(periodId);
        return new PeriodView(p.id(), store.state(p.id()).name(), p.start(), p.end());
    }

    /** Closes the period (operator). Idempotent: a closed period answers its stored statements. */
    @POST
    @Path("/close")
    public CloseView close(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("periodId") String periodId)
            throws SQLException {
        auth.operator(authorization);
        CloseService.Closed c = close.close(periodId);
        return new CloseView(c.periodId(), c.state().name(), c.statements().stream().map(StatementView::of).toList());
    }

    /** Running figures of the period so far, as a close would compute them now; each caller sees its own statements. */
    @GET
    @Path("/provisional")
    public ProvisionalView provisional(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("periodId") String periodId)
            throws SQLException {
        Caller caller = auth.authenticate(authorization);
        CloseService.Provisional p = close.provisional(periodId);
        return new ProvisionalView(p.periodId(), p.state().name(), true, p.rows(),
                p.statements().stream().filter(s -> caller.mayRead(s.kind(), s.addresseeId())).map(StatementView::of).toList(),
                caller.isOperator() ? p.errors() : List.of());
    }
}
