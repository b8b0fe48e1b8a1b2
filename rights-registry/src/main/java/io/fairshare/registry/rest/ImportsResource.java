package io.fairshare.registry.rest;

import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.ImportService;
import io.fairshare.registry.importing.ImportReport;
import io.fairshare.registry.importing.ImportSummary;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Bulk import: the request body is the file, streamed. 200 with the report when the import was committed, 422 with
 * the report when the file is structurally invalid (nothing written).
 */
@Path("/v1/imports")
@RolesAllowed({Roles.OPERATOR, Roles.SOCIETY, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ImportsResource {
    private final CurrentCaller current;
    private final ImportService imports;

    public ImportsResource(CurrentCaller current, ImportService imports) {
        this.current = current;
        this.imports = imports;
    }

    /** @param source names parties without IPI or ISNI ({@code ref:<source>:<party_ref>}); default: the caller */
    @APIResponse(responseCode = "200", description = "The import's report: rows committed, or every row error (then 422 and nothing is committed)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    @Path("csv")
    public Response csv(@QueryParam("source") String source, InputStream body) {
        Caller caller = current.get();
        String src = source == null || source.isBlank() ? caller.id() : source.trim();
        return answer(imports.importFile(caller, ImportService.Format.CSV, src, body));
    }

    @APIResponse(responseCode = "200", description = "The import's report: records committed, or every record error (then 422 and nothing is committed)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SOCIETY})
    @Path("cwr")
    public Response cwr(InputStream body) {
        Caller caller = current.get();
        return answer(imports.importFile(caller, ImportService.Format.CWR, null, body));
    }

    private static Response answer(ImportService.Result r) {
        ObjectNode n = CatalogueJson.MAPPER.createObjectNode();
        ImportSummary s = r.summary();
        n.put("fileValid", s.fileValid());
        n.put("committed", r.committed());
        n.put("lines", s.lines());
        n.put("accepted", s.accepted());
        n.put("warnings", s.warnings());
        n.put("refused", s.refused());
        n.put("ignored", s.ignored());
        n.put("changes", s.changes());
        n.put("written", r.written());
        n.put("unchanged", r.unchanged());
        var reports = n.putArray("reports");
        for (ImportReport rep : r.reports()) {
            ObjectNode o = reports.addObject();
            o.put("line", rep.line());
            o.put("outcome", rep.outcome().name());
            o.put("column", rep.column());
            o.put("code", rep.code());
            o.put("message", rep.message());
        }
        var refused = n.putArray("registryRefusals");
        for (ImportService.Refused f : r.refused()) {
            ObjectNode o = refused.addObject();
            o.put("entityKey", f.entityKey());
            o.put("code", f.code());
            o.put("message", f.message());
        }
        return Response.status(r.committed() ? 200 : 422).entity(Rest.json(n)).build();
    }
}
