package io.fairshare.ingest.rest;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.ingest.application.PlatformAdminService;
import io.fairshare.ingest.application.PlatformAdminService.IssuedKey;
import io.fairshare.ingest.application.PlatformAdminService.KeyView;
import io.fairshare.ingest.application.PlatformAdminService.PlatformView;
import io.fairshare.ingest.application.PlatformAdminService.AuditView;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The operator API: platforms and their API keys. Changes need the operator; auditors may read. */
@Path("/v1/admin/platforms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class PlatformAdminResource {
    private static final Pattern PLATFORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public record NewPlatform(String id, String name) {
    }

    private final PlatformAdminService admin;
    private final CurrentCaller caller;

    public PlatformAdminResource(PlatformAdminService admin, CurrentCaller caller) {
        this.admin = admin;
        this.caller = caller;
    }

    @APIResponse(responseCode = "201", description = "The new platform",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPlatform(NewPlatform body) {
        if (body == null || body.id() == null || !PLATFORM_ID.matcher(body.id()).matches()) {
            throw new ApiProblem(400, "invalid-platform", "Invalid platform", "id must match " + PLATFORM_ID.pattern());
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw new ApiProblem(400, "invalid-platform", "Invalid platform", "name is required, at most 200 characters");
        }
        PlatformView p = admin.createPlatform(caller.get(), body.id(), body.name())
                .orElseThrow(() -> new ApiProblem(409, "platform-exists", "Platform exists", "platform " + body.id() + " already exists"));
        return Response.status(201).entity(p).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<PlatformView> platforms() {
        return admin.platforms();
    }

    @GET
    @Path("/{platformId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public PlatformView platform(@PathParam("platformId") String platformId) {
        return admin.platform(platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
    }

    @APIResponse(responseCode = "201", description = "The new key; its secret is shown this once",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @POST
    @Path("/{platformId}/keys")
    public Response createKey(@PathParam("platformId") String platformId) {
        IssuedKey k = admin.createKey(caller.get(), platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
        return Response.status(201).entity(k).build();
    }

    @GET
    @Path("/{platformId}/keys")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<KeyView> keys(@PathParam("platformId") String platformId) {
        return admin.keys(platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
    }

    @APIResponse(responseCode = "201", description = "The successor key; the old one stays valid for graceSeconds",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @POST
    @Path("/{platformId}/keys/{keyId}/rotate")
    public Response rotate(@PathParam("platformId") String platformId,
                           @PathParam("keyId") String keyId, @QueryParam("graceSeconds") @DefaultValue("86400") long graceSeconds) {
        if (graceSeconds < 0 || graceSeconds > PlatformAdminService.MAX_ROTATION_GRACE.toSeconds()) {
            throw new ApiProblem(400, "invalid-grace", "Invalid grace period",
                    "graceSeconds must be between 0 and " + PlatformAdminService.MAX_ROTATION_GRACE.toSeconds());
        }
        IssuedKey k = admin.rotateKey(caller.get(), platformId, keyId, Duration.ofSeconds(graceSeconds))
                .orElseThrow(() -> ApiProblem.notFound("no usable key " + keyId + " of platform " + platformId));
        return Response.status(201).entity(k).build();
    }

    @DELETE
    @Path("/{platformId}/keys/{keyId}")
    public KeyView revoke(@PathParam("platformId") String platformId,
                          @PathParam("keyId") String keyId) {
        return admin.revokeKey(caller.get(), platformId, keyId).orElseThrow(() -> ApiProblem.notFound("no key " + keyId + " of platform " + platformId));
    }

    /** Who changed what of this platform and its keys, oldest first. */
    @GET
    @Path("/{platformId}/audit")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<AuditView> audit(@PathParam("platformId") String platformId) {
        return admin.audit(platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
    }
}
