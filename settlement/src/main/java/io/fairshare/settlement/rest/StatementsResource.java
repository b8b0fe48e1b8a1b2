package io.fairshare.settlement.rest;

import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.fairshare.settlement.application.StatementAccess;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.application.Terms;
import io.fairshare.settlement.export.DsrStyleReport;
import io.fairshare.settlement.export.StatementCsv;
import io.fairshare.settlement.export.StatementJson;
import io.fairshare.settlement.application.Statements;
import io.fairshare.settlement.application.StatementRecord;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Issued statements, read as stored: the canonical JSON (whose SHA-256 is the statement's), CSV, or
 * the DSR-style file of a payee's statement. A society or platform key sees only its own statements;
 * any other statement answers 404, as if it did not exist.
 */
@Path("/v1/statements")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM, Roles.PARTY})
public class StatementsResource {
    private final CurrentCaller caller;
    private final Statements store;
    private final Terms terms;

    public StatementsResource(CurrentCaller caller, Statements store, Terms terms) {
        this.caller = caller;
        this.store = store;
        this.terms = terms;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<StatementView> list(@QueryParam("period") String period) {
        Caller who = caller.get();
        if (period == null || period.isBlank()) {
            throw ApiProblem.invalid("the query parameter period is required, e.g. ?period=2026-11", List.of());
        }
        return store.statements(terms.period(period).id()).stream()
                .filter(s -> StatementAccess.mayRead(who, s)).map(StatementView::of).toList();
    }

    @APIResponse(responseCode = "200", description = "The statement as issued: canonical JSON (whose SHA-256 is the statement's), CSV or DSR-style",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = SchemaType.STRING))})
    @GET
    @Path("/{statementId: .+}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "text/tab-separated-values"})
    public Response statement(@HeaderParam(HttpHeaders.ACCEPT) String accept,
                              @PathParam("statementId") String statementId, @QueryParam("format") String format) {
        Caller who = caller.get();
        StatementRecord s = store.statement(statementId).filter(r -> StatementAccess.mayRead(who, r))
                .orElseThrow(() -> ApiProblem.notFound("no statement " + statementId));
        String f = format != null ? format : accept != null && accept.contains("text/csv") ? "csv"
                : accept != null && accept.contains("text/tab-separated-values") ? "dsr" : "json";
        Response.ResponseBuilder r = switch (f) {
            case "json" -> Response.ok(s.canonical(), StatementJson.MEDIA_TYPE);
            case "csv" -> Response.ok(s.csv(), StatementCsv.MEDIA_TYPE);
            case "dsr" -> {
                if (s.dsr() == null) {
                    throw ApiProblem.invalid("the DSR-style file exists for society and party statements only", List.of());
                }
                yield Response.ok(s.dsr(), DsrStyleReport.MEDIA_TYPE);
            }
            default -> throw ApiProblem.invalid("format must be json, csv or dsr", List.of());
        };
        return r.header("X-Statement-Sha256", s.sha256()).header(HttpHeaders.ETAG, "\"" + s.sha256() + "\"").build();
    }
}
