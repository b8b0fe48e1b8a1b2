package io.fairshare.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.EntityKind;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Societies: the authority creates one and receives its API key, once. */
@Path("/v1/societies")
@RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SocietiesResource {
    private final CurrentCaller current;
    private final CatalogueService catalogue;
    private final CatalogueQueries queries;

    public SocietiesResource(CurrentCaller current, CatalogueService catalogue, CatalogueQueries queries) {
        this.current = current;
        this.catalogue = catalogue;
        this.queries = queries;
    }

    @APIResponse(responseCode = "201", description = "The new society", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    @RolesAllowed(Roles.OPERATOR)
    public Response create(JsonNode body) {
        Caller caller = current.get();
        Society s = Rest.body(body, CatalogueJson::readSociety);
        BearerKeys.NewKey key = catalogue.createSociety(caller, s);
        ObjectNode n = CatalogueJson.society(s);
        n.put("apiKey", key.token());
        return Response.status(201).entity(Rest.json(n)).build();
    }

    @APIResponse(responseCode = "200", description = "The society", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        ObjectNode n = queries.byKey(EntityKind.SOCIETY, "society|" + id)
                .orElseThrow(() -> ApiProblem.notFound("society " + id + " does not exist"));
        n.remove("owner");
        return Rest.ok(n);
    }
}
