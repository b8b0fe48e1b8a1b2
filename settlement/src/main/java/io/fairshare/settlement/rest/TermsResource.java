package io.fairshare.settlement.rest;

import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.application.Terms;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM, Roles.PARTY})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TermsResource {
    public record RevenueBody(BigDecimal amount) {
    }

    public record RevenueView(String platformId, String periodId, BigDecimal amount) {
    }

    private final CurrentCaller caller;
    private final Terms terms;

    public TermsResource(CurrentCaller caller, Terms terms) {
        this.caller = caller;
        this.terms = terms;
    }

    /** 201 for a new tariff, 200 for the same one again, 409 for other terms under an existing id. */
    @APIResponse(responseCode = "201", description = "A new tariff", content = @Content(schema = @Schema(implementation = Tariff.class)))
    @APIResponse(responseCode = "200", description = "The same tariff again",
            content = @Content(schema = @Schema(implementation = Tariff.class)))
    @PUT
    @Path("/tariffs/{tariffId}")
    @RolesAllowed(Roles.OPERATOR)
    public Response putTariff(@PathParam("tariffId") String tariffId, Tariff body) {
        Terms.Put put = terms.putTariff(caller.get(), tariffId, body);
        return Response.status(put == Terms.Put.CREATED ? 201 : 200).entity(terms.tariff(tariffId).orElseThrow()).build();
    }

    @GET
    @Path("/tariffs/{tariffId}")
    public Tariff tariff(@PathParam("tariffId") String tariffId) {
        return terms.tariff(tariffId).orElseThrow(() -> ApiProblem.notFound("no tariff " + tariffId));
    }

    /** A new version of the statutory scheme; the next close uses the latest. */
    @PUT
    @Path("/statutory-scheme")
    @RolesAllowed(Roles.OPERATOR)
    public StatutoryScheme putStatutoryScheme(StatutoryScheme body) {
        return terms.putStatutoryScheme(caller.get(), body);
    }

    @GET
    @Path("/statutory-scheme")
    public StatutoryScheme statutoryScheme() {
        return terms.statutoryScheme().orElseThrow(() -> ApiProblem.notFound("no statutory scheme is configured"));
    }

    /** A platform's revenue for an open period (the operator, or the platform itself). */
    @PUT
    @Path("/platforms/{platformId}/revenue/{periodId}")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM})
    public RevenueView declareRevenue(@PathParam("platformId") String platformId,
                                      @PathParam("periodId") String periodId, RevenueBody body) {
        Caller who = caller.get();
        if (!who.isOperator() && !who.isOwn(Roles.PLATFORM, platformId)) {
            throw ApiProblem.forbidden("only the operator or platform " + platformId + " may declare its revenue");
        }
        BigDecimal amount = body == null ? null : body.amount();
        terms.declareRevenue(who, platformId, periodId, amount);
        return new RevenueView(platformId, terms.period(periodId).id(), amount);
    }
}
