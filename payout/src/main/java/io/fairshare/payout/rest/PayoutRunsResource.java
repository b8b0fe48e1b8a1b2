package io.fairshare.payout.rest;

import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.rest.Views.RunRequest;
import io.fairshare.payout.rest.Views.RunView;
import io.fairshare.service.rest.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Payout runs: PUT plans, posts and files a run once per run id (201, then 200 for the same request); GET reads it and its file. */
@Path("/v1/payout-runs/{runId}")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class PayoutRunsResource {
    private final CurrentCaller caller;
    private final PayoutService service;

    public PayoutRunsResource(CurrentCaller caller, PayoutService service) {
        this.caller = caller;
        this.service = service;
    }

    @APIResponse(responseCode = "201", description = "The run, booked",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "200", description = "The same run again",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("runId") String runId, RunRequest body) {
        if (body == null || body.valueDate() == null) {
            throw ApiProblem.invalid("a JSON body with valueDate (YYYY-MM-DD) is required; createdAt is optional", null);
        }
        PayoutService.RunOutcome o = service.runPayout(caller.get(), runId, body.valueDate(), Optional.ofNullable(body.createdAt()));
        return Response.status(o.created() ? 201 : 200).entity(RunView.of(o)).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public RunView get(@PathParam("runId") String runId) {
        return RunView.of(service.run(runId));
    }

    @APIResponse(responseCode = "200", description = "The run's ISO 20022 pain.001 file",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/pain001")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Produces(MediaType.APPLICATION_XML)
    public Response pain001(@PathParam("runId") String runId) {
        PayoutService.RunOutcome o = service.run(runId);
        String xml = o.pain001Xml().orElseThrow(() -> ApiProblem.notFound("run " + runId + " paid nothing, so it has no pain.001 file"));
        return Response.ok(xml, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + runId + ".xml\"").build();
    }
}
