package io.fairshare.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.registry.application.Authenticator;
import io.fairshare.registry.application.Caller;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.EntityKind;
import io.fairshare.registry.domain.CatalogueChange;
import io.fairshare.registry.domain.Party;
import io.fairshare.registry.domain.PartyId;
import io.fairshare.service.rest.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Parties (rights holders), created or replaced by id: {@code PUT /v1/parties/{id}}. */
@Path("/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartiesResource {
    private final Authenticator auth;
    private final CatalogueService catalogue;
    private final CatalogueQueries queries;

    public PartiesResource(Authenticator auth, CatalogueService catalogue, CatalogueQueries queries) {
        this.auth = auth;
        this.catalogue = catalogue;
        this.queries = queries;
    }

    @APIResponse(responseCode = "200", description = "The stored party; 201 when it is new",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @PUT
    @Path("{id: .+}")
    public Response put(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonNode body) {
        Caller caller = auth.authenticate(authorization);
        if (body instanceof ObjectNode o && !o.hasNonNull("id")) {
            o.put("id", id);
        }
        Party p = Rest.body(body, CatalogueJson::readParty);
        if (!p.id().value().equals(id)) {
            throw ApiProblem.invalid("the body's id differs from the path", List.of(new io.fairshare.registry.application.FieldError(
                    "id", "ID_MISMATCH", "id " + p.id().value() + " differs from the path's " + id)));
        }
        catalogue.write(caller, List.of(new CatalogueChange.UpsertParty(p)));
        return Rest.ok(get(id));
    }

    @APIResponse(responseCode = "200", description = "The party", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("{id: .+}")
    public Response read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        auth.authenticate(authorization);
        return Rest.ok(get(id));
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @Path("{id: .+}")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Caller caller = auth.authenticate(authorization);
        get(id);
        catalogue.write(caller, List.of(new CatalogueChange.DeleteParty(new PartyId(id))));
        return Response.noContent().build();
    }

    private ObjectNode get(String id) {
        return queries.byKey(EntityKind.PARTY, "party|" + id)
                .orElseThrow(() -> ApiProblem.notFound("party " + id + " does not exist"));
    }
}
