package io.fairshare.payout.rest;

import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A decision on held-back money (disputed, reserved-work penalty, unclaimed): part or all of one holdback account
 * goes to a payee's payable of the same period, or back to the platform as credit. Once per release id: 201, then
 * 200 for the same content, 409 for other content.
 */
@Path("/v1/holdback-releases/{releaseId}")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HoldbackReleasesResource {
    public record Account(String type, String owner, String period, String currency) {
    }

    public record Beneficiary(String kind, String id) {
    }

    public record ReleaseRequest(Account holdback, Long amountMinor, Beneficiary beneficiary) {
    }

    public record ReleaseView(String releaseId, String holdback, long amountMinor, Beneficiary beneficiary, String credited) {
    }

    private final CurrentCaller caller;
    private final PayoutService service;

    public HoldbackReleasesResource(CurrentCaller caller, PayoutService service) {
        this.caller = caller;
        this.service = service;
    }

    @APIResponse(responseCode = "201", description = "The release, booked",
            content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "200", description = "The same release again",
            content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    @PUT
    public Response release(@PathParam("releaseId") String releaseId,
                            ReleaseRequest body) {
        if (body == null || body.holdback() == null || body.amountMinor() == null || body.beneficiary() == null) {
            throw ApiProblem.invalid("a JSON body with holdback {type, owner, period, currency}, amountMinor and beneficiary {kind, id} is required",
                    null);
        }
        HoldbackRelease release;
        try {
            Account h = body.holdback();
            release = new HoldbackRelease(releaseId, new AccountId(AccountType.valueOf(h.type()), h.owner(), h.period(), h.currency()),
                    body.amountMinor(), new HoldbackRelease.Beneficiary(HoldbackRelease.Beneficiary.Kind.valueOf(body.beneficiary().kind()),
                            body.beneficiary().id()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.invalid("holdback must name a HOLDBACK_* type, owner, period and currency, and beneficiary kind SOCIETY or PLATFORM: "
                    + e.getMessage(), null);
        }
        PayoutService.ReleaseOutcome o = service.releaseHoldback(caller.get(), release);
        HoldbackRelease r = o.release();
        return Response.status(o.created() ? 201 : 200).entity(new ReleaseView(r.releaseId(), r.holdback().toString(), r.amount(),
                new Beneficiary(r.beneficiary().kind().name(), r.beneficiary().id()), r.target().toString())).build();
    }
}
