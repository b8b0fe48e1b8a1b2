package io.fairshare.settlement.rest;

import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.application.PartyUsage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A party's own usage and what it was owed (see {@link PartyUsage} for who may read it). */
@Path("/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
public class PartyUsageResource {
    private final CurrentCaller current;
    private final PartyUsage usage;

    public PartyUsageResource(CurrentCaller current, PartyUsage usage) {
        this.current = current;
        this.usage = usage;
    }

    @GET
    @Path("{partyId}/usage")
    @RolesAllowed({Roles.PARTY, Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM})
    @Operation(summary = "Which of the party's works were used, by which platform and model, how much, under which licence status and why,"
            + " and what the party was owed on the issued statements; ?period=YYYY-MM, else every period")
    @APIResponse(responseCode = "200", description = "The party's view")
    @APIResponse(responseCode = "404", description = "Not a party this caller may read, or none at all: the same answer (problem+json)")
    public PartyUsage.View usage(@PathParam("partyId") String partyId, @QueryParam("period") String period) {
        return usage.of(current.get(), partyId, period);
    }
}
