package io.fairshare.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.contracts.errors.FieldError;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CredentialService;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Party and auditor credentials: issued by the authority (any party, any auditor) or a society (its member
 * parties), the token shown once in the 201; revoked by their issuer or the authority; listed for the authority
 * (all) and a society (those it issued). Never the secret's hash.
 */
@Path("/v1/credentials")
@RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    private static final Pattern PERIOD = Pattern.compile("\\*|[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])");

    private final CurrentCaller current;
    private final CredentialService credentials;

    public CredentialsResource(CurrentCaller current, CredentialService credentials) {
        this.current = current;
        this.credentials = credentials;
    }

    /** Body (optional): {@code {notBefore, expiresAt}}, ISO instants; no expiry by default. */
    @APIResponse(responseCode = "201", description = "The credential and its token, shown once",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such party, or (for a society) not one of its members")
    @POST
    @Path("parties/{partyId: .+}")
    public Response issueParty(@PathParam("partyId") String partyId, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Instant notBefore = instant(body, "notBefore", errors);
        Instant expiresAt = instant(body, "expiresAt", errors);
        check(errors);
        return created(credentials.issuePartyKey(current.get(), partyId, notBefore, expiresAt));
    }

    /** Body: {@code {name, platforms[], periods[], expiresAt, notBefore?}}; {@code ["*"]} for every platform or period. */
    @APIResponse(responseCode = "201", description = "The credential and its token, shown once",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    @Path("auditors")
    @RolesAllowed(Roles.OPERATOR)
    public Response issueAuditor(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("the request body is not valid", List.of(new FieldError("$", "FORMAT", "a JSON object is expected")));
        }
        String name = body.path("name").isTextual() && !body.get("name").asText().isBlank() ? body.get("name").asText().trim() : null;
        if (name == null) {
            errors.add(new FieldError("name", "REQUIRED", "the auditor's name is required"));
        }
        List<String> platforms = list(body, "platforms", errors, null);
        List<String> periods = list(body, "periods", errors, PERIOD);
        Instant notBefore = instant(body, "notBefore", errors);
        Instant expiresAt = instant(body, "expiresAt", errors);
        check(errors);
        return created(credentials.issueAuditorKey(current.get(), name, platforms, periods, notBefore, expiresAt));
    }

    @APIResponse(responseCode = "200", description = "The revoked credential", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such credential, or not one the caller issued")
    @DELETE
    @Path("{keyId}")
    public Response revoke(@PathParam("keyId") String keyId) {
        return Rest.ok(view(credentials.revoke(current.get(), keyId)));
    }

    @APIResponse(responseCode = "200", description = "The credentials: all for the authority, those it issued for a society",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY)))
    @GET
    public Response list() {
        ArrayNode a = CatalogueJson.MAPPER.createArrayNode();
        credentials.list(current.get()).forEach(c -> a.add(view(c)));
        return Rest.ok(a);
    }

    private static Response created(CredentialService.Issued issued) {
        ObjectNode n = view(issued.credential());
        n.put("token", issued.token());
        return Response.created(URI.create("/v1/credentials/" + issued.credential().keyId())).entity(Rest.json(n))
                .type(MediaType.APPLICATION_JSON).build();
    }

    static ObjectNode view(CredentialV1 c) {
        ObjectNode n = CatalogueJson.MAPPER.createObjectNode();
        n.put("keyId", c.keyId());
        n.put("role", c.role());
        n.put("subjectId", c.subjectId());
        n.put("issuedBy", c.issuedBy());
        n.put("societyId", c.societyId());
        c.platforms().forEach(n.putArray("platforms")::add);
        c.periods().forEach(n.putArray("periods")::add);
        n.put("notBefore", c.notBefore() == null ? null : c.notBefore().toString());
        n.put("expiresAt", c.expiresAt() == null ? null : c.expiresAt().toString());
        n.put("revoked", c.revoked());
        n.put("revision", c.revision());
        return n;
    }

    private static Instant instant(JsonNode body, String field, List<FieldError> errors) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "FORMAT", field + " is an ISO instant, e.g. 2027-03-01T00:00:00Z"));
            return null;
        }
    }

    /** A required array of ids; an empty one means none (never all: that is {@code ["*"]}). */
    private static List<String> list(JsonNode body, String field, List<FieldError> errors, Pattern pattern) {
        JsonNode v = body.get(field);
        if (v == null || !v.isArray()) {
            errors.add(new FieldError(field, "REQUIRED", field + " is required: a list of ids, or [\"*\"] for every one"));
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < v.size(); i++) {
            String s = v.get(i).isTextual() ? v.get(i).asText().trim() : "";
            if (s.isEmpty() || pattern != null && !pattern.matcher(s).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "FORMAT", pattern == null ? "a non-empty id" : "a period (2026-11, 2026-Q4) or *"));
            } else {
                out.add(s);
            }
        }
        if (out.contains(CredentialV1.ALL) && out.size() > 1) {
            errors.add(new FieldError(field, "FORMAT", "[\"*\"] stands alone"));
        }
        return List.copyOf(out);
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("the request body is not valid", errors);
        }
    }
}
