package io.fairshare.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.errors.FieldError;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.EntityKind;
import io.fairshare.registry.application.ResolutionPreview;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Works: a society registers works into its own repertoire; the key is the highest-priority identifier. */
@Path("/v1/works")
@RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorksResource {
    private final CurrentCaller current;
    private final CatalogueService catalogue;
    private final CatalogueQueries queries;
    private final ResolutionPreview preview;

    public WorksResource(CurrentCaller current, CatalogueService catalogue, CatalogueQueries queries, ResolutionPreview preview) {
        this.current = current;
        this.catalogue = catalogue;
        this.queries = queries;
        this.preview = preview;
    }

    @APIResponse(responseCode = "201", description = "The new work with its key",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    public Response create(JsonNode body) {
        Caller caller = current.get();
        Work w = Rest.body(body, CatalogueJson::readWork);
        CatalogueChange c = new CatalogueChange.UpsertWork(w);
        if (queries.byKey(EntityKind.WORK, c.entityKey()).isPresent()) {
            throw ApiProblem.conflict("work-exists", "work " + w.key().key() + " already exists; use PUT to change it");
        }
        catalogue.write(caller, List.of(c));
        return Response.status(201).entity(Rest.json(get(w.key()))).build();
    }

    @APIResponse(responseCode = "200", description = "The work, its identifiers and shares",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("{key: .+}")
    public Response read(@PathParam("key") String key) {
        return Rest.ok(get(Rest.identifier("key", key)));
    }

    @APIResponse(responseCode = "200", description = "The stored work", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @PUT
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    @Path("{key: .+}")
    public Response update(@PathParam("key") String key, JsonNode body) {
        Caller caller = current.get();
        WorkId id = Rest.identifier("key", key);
        Work w = Rest.body(body, CatalogueJson::readWork);
        if (!w.key().equals(id)) {
            throw ApiProblem.invalid("the work's key must stay " + id.key(), List.of(new FieldError("identifiers", "KEY_CHANGED",
                    "the highest-priority identifier is " + w.key().key() + " but the work is " + id.key()
                            + "; a work's key cannot change (delete it and register it anew)")));
        }
        get(id);
        catalogue.write(caller, List.of(new CatalogueChange.UpsertWork(w)));
        return Rest.ok(get(id));
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    @Path("{key: .+}")
    public Response delete(@PathParam("key") String key) {
        Caller caller = current.get();
        WorkId id = Rest.identifier("key", key);
        get(id);
        catalogue.write(caller, List.of(new CatalogueChange.DeleteWork(id)));
        return Response.noContent().build();
    }

    @APIResponse(responseCode = "200", description = "A page of works matching the query",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    public Response search(@QueryParam("identifier") String identifier,
                             @QueryParam("title") String title, @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("50") int size) {
        Rest.checkPage(page, size);
        if ((identifier == null) == (title == null)) {
            throw ApiProblem.invalid("give exactly one of identifier or title", List.of(new FieldError("identifier",
                    "QUERY", "search by ?identifier=scheme:value or by ?title=prefix")));
        }
        if (identifier != null) {
            WorkId id = Rest.identifier("identifier", identifier);
            List<ObjectNode> found = page == 0 ? queries.workByIdentifier(id.key()).stream().toList() : List.of();
            return Rest.ok(Rest.page(new CatalogueQueries.Page(found, page, size)));
        }
        return Rest.ok(Rest.page(queries.worksByTitle(Rest.required("title", title), page, size)));
    }

    @APIResponse(responseCode = "200", description = "How a usage of the work resolves now: lines per party and society, with status and tariff",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("{key: .+}/resolution")
    public Response resolution(@PathParam("key") String key,
                                 @QueryParam("platform") String platform, @QueryParam("territory") String territory,
                                 @QueryParam("date") String date) {
        WorkId id = Rest.identifier("key", key);
        PlatformId p = new PlatformId(Rest.required("platform", platform));
        Territory t = territory == null || territory.isBlank() ? Territory.WORLD : Territory.parse(territory)
                .orElseThrow(() -> Rest.invalidParam().apply("territory", "territory must be an ISO 3166-1 alpha-2 code or WORLD"));
        LocalDate day;
        try {
            day = LocalDate.parse(Rest.required("date", date));
        } catch (DateTimeParseException e) {
            throw Rest.invalidParam().apply("date", "date must be YYYY-MM-DD");
        }
        return Rest.ok(preview.preview(id, p, t, day));
    }

    private ObjectNode get(WorkId id) {
        return queries.byKey(EntityKind.WORK, "work|" + id.key())
                .orElseThrow(() -> ApiProblem.notFound("work " + id.key() + " does not exist"));
    }
}
