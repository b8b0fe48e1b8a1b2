package io.fairshare.registry.rest;

import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.EntityKind;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
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

/** Reservations (opt-outs): managed by the registry authority. */
@Path("/v1/reservations")
@RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationsResource {
    private final CurrentCaller current;
    private final CatalogueService catalogue;
    private final CatalogueQueries queries;

    public ReservationsResource(CurrentCaller current, CatalogueService catalogue, CatalogueQueries queries) {
        this.current = current;
        this.catalogue = catalogue;
        this.queries = queries;
    }

    /** Creates (201) or replaces (200) one, by its natural key. */
    @APIResponse(responseCode = "200", description = "The stored reservation; 201 when it is new",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    public Response upsert(JsonNode body) {
        return KeyedEntities.upsert(catalogue, queries, current.get(), EntityKind.RESERVATION, body,
                CatalogueJson::readReservation, CatalogueChange.UpsertReservation::new);
    }

    /** The reservations on a work (?work=scheme:value) or a party (?party=id). */
    @APIResponse(responseCode = "200", description = "A page of reservations",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    public Response list(@QueryParam("work") String work,
                           @QueryParam("party") String party,
                           @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Rest.checkPage(page, size);
        if (work != null) {
            return Rest.ok(Rest.page(queries.reservationsOf("work", Rest.identifier("work", work).key(), page, size)));
        }
        return Rest.ok(Rest.page(queries.reservationsOf("party", Rest.required("party", party), page, size)));
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    public Response delete(@QueryParam("work") String work, @QueryParam("party") String party,
                           @QueryParam("source") String source) {
        return KeyedEntities.delete(catalogue, queries, current.get(), EntityKind.RESERVATION, Rest.params("work", work, "party", party, "source", source),
                CatalogueJson::readReservationKey, CatalogueChange.DeleteReservation::new);
    }
}
