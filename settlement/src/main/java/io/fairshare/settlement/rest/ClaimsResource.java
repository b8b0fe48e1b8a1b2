package io.fairshare.settlement.rest;

import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.application.Claims;
import io.fairshare.settlement.domain.claim.ClaimAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Claims and disputes on issued statement lines (see {@link Claims} for who sees and does what). */
@Path("/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PARTY, Roles.PLATFORM})
public class ClaimsResource {
    private final CurrentCaller current;
    private final Claims claims;

    public ClaimsResource(CurrentCaller current, Claims claims) {
        this.current = current;
        this.claims = claims;
    }

    @GET
    @Operation(summary = "The claims the caller may see; for the operator also the registry's over-claim disputes (source resolution,"
            + " state HELD); ?state=OPEN|ACCEPTED|REJECTED|WITHDRAWN|HELD, ?period=YYYY-MM")
    @APIResponse(responseCode = "200", description = "Claims, oldest first, then disputes")
    public List<Claims.ClaimView> list(@QueryParam("period") String period, @QueryParam("state") String state) {
        return claims.list(current.get(), period, state);
    }

    @GET
    @Path("{claimId}")
    @Operation(summary = "One claim with its history")
    @APIResponse(responseCode = "200", description = "The claim")
    @APIResponse(responseCode = "404", description = "No claim this caller may see, or none at all: the same answer (problem+json)")
    public Claims.ClaimView get(@PathParam("claimId") String claimId) {
        return claims.get(current.get(), claimId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.PARTY, Roles.PLATFORM})
    @Operation(summary = "Raise a claim on an issued line ({type, periodId, line: {statementId, section, lineNumber}, evidence}) or on"
            + " missing usage ({type: MISSING_USAGE, periodId, missingUsage: {platformId, workId, usageType, unitKind}, evidence})")
    @APIResponse(responseCode = "201", description = "The claim, OPEN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claims.ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, every one named (problem+json)")
    @APIResponse(responseCode = "404", description = "Unknown period; a line this caller may not claim on, or none: the same answer")
    @APIResponse(responseCode = "409", description = "period-not-closed; claim-already-open (the caller's OPEN claim of this type on the line)")
    public Response raise(Claims.RaiseRequest body) {
        Claims.ClaimView v = claims.raise(current.get(), body);
        return Response.status(201).entity(v).header("Location", "/v1/claims/" + v.id()).build();
    }

    @POST
    @Path("{claimId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Accept an OPEN claim with its correction ({corrections: [{payeeKind, payeeId, amountMinor}], note}): the"
            + " next close of a later period issues it as adjustment lines")
    @APIResponse(responseCode = "200", description = "The claim, ACCEPTED")
    @APIResponse(responseCode = "409", description = "claim-not-open, naming the claim's state")
    public Claims.ClaimView accept(@PathParam("claimId") String claimId, Claims.DecisionRequest body) {
        return claims.act(current.get(), claimId, ClaimAction.ACCEPT, body);
    }

    @POST
    @Path("{claimId}/reject")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Reject an OPEN claim ({note})")
    @APIResponse(responseCode = "200", description = "The claim, REJECTED")
    @APIResponse(responseCode = "409", description = "claim-not-open, naming the claim's state")
    public Claims.ClaimView reject(@PathParam("claimId") String claimId, Claims.DecisionRequest body) {
        return claims.act(current.get(), claimId, ClaimAction.REJECT, body);
    }

    @POST
    @Path("{claimId}/withdraw")
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.PARTY})
    @Operation(summary = "Withdraw one's own OPEN claim ({note})")
    @APIResponse(responseCode = "200", description = "The claim, WITHDRAWN")
    @APIResponse(responseCode = "403", description = "Not the claimant")
    @APIResponse(responseCode = "409", description = "claim-not-open, naming the claim's state")
    public Claims.ClaimView withdraw(@PathParam("claimId") String claimId, Claims.DecisionRequest body) {
        return claims.act(current.get(), claimId, ClaimAction.WITHDRAW, body);
    }
}
