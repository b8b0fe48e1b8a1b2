package io.fairshare.settlement.rest;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.application.Authenticator;
import io.fairshare.settlement.application.Caller;
import io.fairshare.settlement.application.Terms;
import io.fairshare.settlement.domain.StatutoryScheme;
import io.fairshare.settlement.domain.Tariff;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TermsResource {
    public record RevenueBody(BigDecimal amount) {
    }

    public record RevenueView(String platformId, String periodId, BigDecimal amount) {
    }

    private final Authenticator auth;
    private final Terms terms;

    public TermsResource(Authenticator auth, Terms terms) {
        this.auth = auth;
        this.terms = terms;
    }

    /** 201 for a new tariff, 200 for the same one again, 409 for other terms under an existing id. */
    @APIResponse(responseCode = "201", description = "A new tariff", content = @Content(schema = @Schema(implementation = Tariff.class)))
    @APIResponse(responseCode = "200", description = "The same tariff again",
            content = @Content(schema = @Schema(implementation = Tariff.class)))
    @PUT
    @Path("/tariffs/{tariffId}")
    public Response putTariff(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("tariffId") String tariffId, Tariff body)
            throws SQLException {
        auth.operator(authorization);
        Terms.Put put = terms.putTariff(tariffId, body);
        return Response.status(put == Terms.Put.CREATED ? 201 : 200).entity(terms.tariff(tariffId).orElseThrow()).build();
    }

    @GET
    @Path("/tariffs/{tariffId}")
    public Tariff tariff(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("tariffId") String tariffId)
            throws SQLException {
        auth.authenticate(authorization);
        return terms.tariff(tariffId).orElseThrow(() -> ApiProblem.notFound("no tariff " + tariffId));
    }

    /** A new version of the statutory scheme; the next close uses the latest. */
    @PUT
    @Path("/statutory-scheme")
    public StatutoryScheme putStatutoryScheme(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, StatutoryScheme body)
            throws SQLException {
        auth.operator(authorization);
        return terms.putStatutoryScheme(body);
    }

    @GET
    @Path("/statutory-scheme")
    public StatutoryScheme statutoryScheme(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws SQLException {
        auth.authenticate(authorization);
        return terms.statutoryScheme().orElseThrow(() -> ApiProblem.notFound("no statutory scheme is configured"));
    }

    /** A platform's revenue for an open period (the operator, or the platform itself). */
    @PUT
    @Path("/platforms/{platformId}/revenue/{periodId}")
    public RevenueView declareRevenue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("platformId") String platformId,
                                      @PathParam("periodId") String periodId, RevenueBody body) throws SQLException {
        Caller caller = auth.authenticate(authorization);
        if (!caller.isOperator() && !(caller.role() == Caller.Role.PLATFORM && caller.id().equals(platformId))) {
            throw ApiProblem.forbidden("only the operator or platform " + platformId + " may declare its revenue");
        }
        BigDecimal amount = body == null ? null : body.amount();
        terms.declareRevenue(platformId, periodId, amount);
        return new RevenueView(platformId, terms.period(periodId).id(), amount);
    }
}
