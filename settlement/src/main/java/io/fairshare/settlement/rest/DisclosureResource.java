package io.fairshare.settlement.rest;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.settlement.application.Disclosure;
import io.fairshare.settlement.domain.disclosure.DisclosureReport;
import io.fairshare.settlement.export.DisclosureCsv;
import io.fairshare.settlement.export.DisclosureHtml;
import io.fairshare.settlement.export.DisclosureJson;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Disclosure reports of a platform's model in a period (module README, "Disclosure reports"): the public summary
 * without credentials, the detailed report for the platform itself, the operator and auditors in scope. JSON
 * (schema {@value DisclosureJson#SCHEMA}), CSV ({@code ?format=csv}) or an HTML page ({@code ?format=html} or Accept text/html).
 */
@Path("/v1/disclosure/{periodId}/{platformId}/{modelId}")
@PermitAll
public class DisclosureResource {
    private static final String HTML = "text/html";

    private final Disclosure disclosure;
    private final SecurityIdentity identity;

    public DisclosureResource(Disclosure disclosure, SecurityIdentity identity) {
        this.disclosure = disclosure;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, DisclosureCsv.MEDIA_TYPE, HTML})
    @Operation(summary = "The public disclosure summary of a model: totals and units, events and share by work category, usage type,"
            + " society and licence status; groups under the minimum group size folded into \"other (suppressed)\". No credentials.")
    @APIResponse(responseCode = "200", description = "The summary: JSON (schema " + DisclosureJson.SCHEMA + "), CSV or HTML",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = DisclosureCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An unknown format (problem+json)")
    @APIResponse(responseCode = "404", description = "The period, platform or model has no usage; the problem names which (problem+json)")
    public Response summary(@PathParam("periodId") String periodId, @PathParam("platformId") String platformId,
                            @PathParam("modelId") String modelId, @QueryParam("modelVersion") String modelVersion,
                            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String f = format(format, accept); // a bad format is refused before any data is read
        return render(disclosure.summary(periodId, platformId, modelId, modelVersion), f);
    }

    @GET
    @Path("/detailed")
    @Produces({MediaType.APPLICATION_JSON, DisclosureCsv.MEDIA_TYPE, HTML})
    @Operation(summary = "The detailed disclosure report, down to works, nothing suppressed: for the platform itself, the operator,"
            + " and an auditor within its scope (every auditor read is audit-logged)")
    @APIResponse(responseCode = "200", description = "The report: JSON (schema " + DisclosureJson.SCHEMA + ", level detailed), CSV or HTML",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = DisclosureCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such report for this caller, or no such usage (problem+json)")
    public Response detailed(@PathParam("periodId") String periodId, @PathParam("platformId") String platformId,
                             @PathParam("modelId") String modelId, @QueryParam("modelVersion") String modelVersion,
                             @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String f = format(format, accept);
        return render(disclosure.detailed(Caller.of(identity), periodId, platformId, modelId, modelVersion), f);
    }

    private static String format(String format, String accept) {
        if (format != null) {
            if (!List.of("json", "csv", "html").contains(format)) {
                throw ApiProblem.invalid("format must be json, csv or html", List.of());
            }
            return format;
        }
        if (accept != null && accept.contains(HTML)) {
            return "html";
        }
        return accept != null && accept.contains(DisclosureCsv.MEDIA_TYPE) ? "csv" : "json";
    }

    private static Response render(DisclosureReport r, String format) {
        return switch (format) {
            case "csv" -> Response.ok(DisclosureCsv.of(r), DisclosureCsv.MEDIA_TYPE).build();
            case "html" -> Response.ok(DisclosureHtml.of(r), DisclosureHtml.MEDIA_TYPE).build();
            default -> Response.ok(DisclosureJson.of(r), MediaType.APPLICATION_JSON).build();
        };
    }
}
