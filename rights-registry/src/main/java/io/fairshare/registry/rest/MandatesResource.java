package io.fairshare.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.registry.application.Authenticator;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.EntityKind;
import io.fairshare.registry.domain.CatalogueChange;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Mandates: which society collects a right of a party in a territory. */
@Path("/v1/mandates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MandatesResource {
    private final Authenticator auth;
    private final CatalogueService catalogue;
    private final CatalogueQueries queries;

    public MandatesResource(Authenticator auth, CatalogueService catalogue, CatalogueQueries queries) {
        this.auth = auth;
        this.catalogue = catalogue;
        this.queries = queries;
    }

    /** Creates (201) or replaces (200) one, by its natural key. */
    @APIResponse(responseCode = "200", description = "The stored mandate; 201 when it is new",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    public Response upsert(@HeaderParam("Authorization") String authorization, JsonNode body) {
        return KeyedEntities.upsert(catalogue, queries, auth.authenticate(authorization), EntityKind.MANDATE, body,
                CatalogueJson::readMandate, CatalogueChange.UpsertMandate::new);
    }

    /** The mandates of a party. */
    @APIResponse(responseCode = "200", description = "A page of mandates", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    public Response list(@HeaderParam("Authorization") String authorization, @QueryParam("party") String party,
                           @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        auth.authenticate(authorization);
        Rest.checkPage(page, size);
        return Rest.ok(Rest.page(queries.mandatesOfParty(Rest.required("party", party), page, size)));
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    public Response delete(@HeaderParam("Authorization") String authorization, @QueryParam("party") String party, @QueryParam("right") String right,
                           @QueryParam("territory") String territory, @QueryParam("validFrom") String validFrom) {
        return KeyedEntities.delete(catalogue, queries, auth.authenticate(authorization), EntityKind.MANDATE, Rest.params("party", party, "right", right, "territory", territory, "validFrom", validFrom),
                CatalogueJson::readMandateKey, CatalogueChange.DeleteMandate::new);
    }
}
