package io.fairshare.payout.rest;

import io.fairshare.payout.application.PartyPayouts;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A party's own payout state: what was paid, what is owed, what is held and why (see {@link PartyPayouts}). */
@Path("/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
public class PartyPayoutsResource {
    private final CurrentCaller current;
    private final PartyPayouts payouts;

    public PartyPayoutsResource(CurrentCaller current, PartyPayouts payouts) {
        this.current = current;
        this.payouts = payouts;
    }

    /** Another party's payouts, or those of a party payout knows nothing of: the same 404. */
    @GET
    @Path("{partyId}/payouts")
    @RolesAllowed({Roles.PARTY, Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM})
    public PartyPayouts.View payouts(@PathParam("partyId") String partyId) {
        return payouts.of(current.get(), partyId);
    }
}
