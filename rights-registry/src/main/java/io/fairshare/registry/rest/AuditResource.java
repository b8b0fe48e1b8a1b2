package io.fairshare.registry.rest;

import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The audit trail of one entity (by its entity key, e.g. {@code work|iswc:T0345246801}), oldest first. */
@Path("/v1/audit")
@RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final CurrentCaller current;
    private final CatalogueQueries queries;

    public AuditResource(CurrentCaller current, CatalogueQueries queries) {
        this.current = current;
        this.queries = queries;
    }

    @APIResponse(responseCode = "200", description = "A page of audit records (entity key, change, actor, time), newest first",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    public Response audit(@QueryParam("entityKey") String entityKey,
                           @QueryParam("limit") @DefaultValue("500") int limit) {
        Rest.checkPage(0, limit);
        ArrayNode a = CatalogueJson.MAPPER.createArrayNode();
        queries.audit(Rest.required("entityKey", entityKey), limit).forEach(a::add);
        return Rest.ok(a);
    }
}
