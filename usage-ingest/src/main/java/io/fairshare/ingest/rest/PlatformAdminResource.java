package io.fairshare.ingest.rest;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.ingest.application.PlatformAdminService;
import io.fairshare.ingest.application.PlatformAdminService.IssuedKey;
import io.fairshare.ingest.application.PlatformAdminService.KeyView;
import io.fairshare.ingest.application.PlatformAdminService.PlatformView;
import io.fairshare.ingest.config.IngestConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The operator API: platforms and their API keys. Bearer operator token required. */
@Path("/v1/admin/platforms")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAdminResource {
    private static final Pattern PLATFORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public record NewPlatform(String id, String name) {
    }

    private final PlatformAdminService admin;
    private final IngestConfig config;

    public PlatformAdminResource(PlatformAdminService admin, IngestConfig config) {
        this.admin = admin;
        this.config = config;
    }

    @APIResponse(responseCode = "201", description = "The new platform",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPlatform(@HeaderParam("Authorization") String auth, NewPlatform body) {
        operator(auth);
        if (body == null || body.id() == null || !PLATFORM_ID.matcher(body.id()).matches()) {
            throw new ApiProblem(400, "invalid-platform", "Invalid platform", "id must match " + PLATFORM_ID.pattern());
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw new ApiProblem(400, "invalid-platform", "Invalid platform", "name is required, at most 200 characters");
        }
        PlatformView p = admin.createPlatform(body.id(), body.name())
                .orElseThrow(() -> new ApiProblem(409, "platform-exists", "Platform exists", "platform " + body.id() + " already exists"));
        return Response.status(201).entity(p).build();
    }

    @GET
    public List<PlatformView> platforms(@HeaderParam("Authorization") String auth) {
        operator(auth);
        return admin.platforms();
    }

    @GET
    @Path("/{platformId}")
    public PlatformView platform(@HeaderParam("Authorization") String auth, @PathParam("platformId") String platformId) {
        operator(auth);
        return admin.platform(platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
    }

    @APIResponse(responseCode = "201", description = "The new key; its secret is shown this once",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @POST
    @Path("/{platformId}/keys")
    public Response createKey(@HeaderParam("Authorization") String auth, @PathParam("platformId") String platformId) {
        operator(auth);
        IssuedKey k = admin.createKey(platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
        return Response.status(201).entity(k).build();
    }

    @GET
    @Path("/{platformId}/keys")
    public List<KeyView> keys(@HeaderParam("Authorization") String auth, @PathParam("platformId") String platformId) {
        operator(auth);
        return admin.keys(platformId).orElseThrow(() -> ApiProblem.notFound("no platform " + platformId));
    }

    @APIResponse(responseCode = "201", description = "The successor key; the old one stays valid for graceSeconds",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @POST
    @Path("/{platformId}/keys/{keyId}/rotate")
    public Response rotate(@HeaderParam("Authorization") String auth, @PathParam("platformId") String platformId,
                           @PathParam("keyId") String keyId, @QueryParam("graceSeconds") @DefaultValue("86400") long graceSeconds) {
        operator(auth);
        if (graceSeconds < 0 || graceSeconds > PlatformAdminService.MAX_ROTATION_GRACE.toSeconds()) {
            throw new ApiProblem(400, "invalid-grace", "Invalid grace period",
                    "graceSeconds must be between 0 and " + PlatformAdminService.MAX_ROTATION_GRACE.toSeconds());
        }
        IssuedKey k = admin.rotateKey(platformId, keyId, Duration.ofSeconds(graceSeconds))
                .orElseThrow(() -> ApiProblem.notFound("no usable key " + keyId + " of platform " + platformId));
        return Response.status(201).entity(k).build();
    }

    @DELETE
    @Path("/{platformId}/keys/{keyId}")
    public KeyView revoke(@HeaderParam("Authorization") String auth, @PathParam("platformId") String platformId,
                          @PathParam("keyId") String keyId) {
        operator(auth);
        return admin.revokeKey(platformId, keyId).orElseThrow(() -> ApiProblem.notFound("no key " + keyId + " of platform " + platformId));
    }

    private void operator(String authorization) {
        String expected = config.operatorToken().filter(t -> !t.isBlank()).orElseThrow(() -> new ApiProblem(403, "operator-api-disabled",
                "Operator API disabled", "set fairshare.ingest.operator-token to enable the operator API"));
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(401, "unauthenticated", "Missing or invalid operator credentials",
                    "send the operator token as 'Authorization: Bearer <token>'").withHeader("WWW-Authenticate", "Bearer realm=\"fairshare-operator\"");
        }
    }
}
