package io.fairshare.settlement.rest;

import io.fairshare.contracts.transparency.VerifiableStatement;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.application.StatementAccess;
import io.fairshare.settlement.application.StatementRecord;
import io.fairshare.settlement.application.Statements;
import io.fairshare.settlement.application.Terms;
import io.fairshare.settlement.application.TransparencyLog;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The statement log, for anyone to check statements with (issue 14, section 4; module README,
 * "Transparency"). The public key, tree heads and consistency proofs are public: they say nothing
 * about any line. Inclusion proofs and verifiable exports go to whoever may read the statement
 * ({@link StatementAccess}); any other statement answers 404, as if it did not exist.
 */
@Path("/v1/transparency")
public class TransparencyResource {
    private final TransparencyLog log;
    private final Statements statements;
    private final Terms terms;
    private final CurrentCaller caller;

    public TransparencyResource(TransparencyLog log, Statements statements, Terms terms, CurrentCaller caller) {
        this.log = log;
        this.statements = statements;
        this.terms = terms;
        this.caller = caller;
    }

    @GET
    @Path("/public-key")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The operator's Ed25519 public key (base64 X.509 SubjectPublicKeyInfo) that signs every tree head")
    public Map<String, String> publicKey() {
        return Map.of("algorithm", "Ed25519", "publicKey", log.publicKey());
    }

    @GET
    @Path("/periods/{periodId}/tree-head")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed tree head of a closed period: tree size, root hash, time, previous head's hash, Ed25519 signature")
    @APIResponse(responseCode = "200", description = "The head, as canonical JSON (contracts README, \"Signed tree head\")",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such period, or it is not closed (problem+json)")
    public Response treeHead(@PathParam("periodId") String periodId) {
        return Response.ok(log.requireHead(terms.period(periodId).id()).toJson(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/periods/{periodId}/consistency")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The RFC 9162 consistency proof from an earlier period's tree head to this period's: nothing issued before was changed")
    @APIResponse(responseCode = "200", description = "The proof, hashes in hex",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransparencyLog.Consistency.class)))
    @APIResponse(responseCode = "400", description = "from is missing, or is a later period (problem+json)")
    @APIResponse(responseCode = "404", description = "A period is unknown or not closed (problem+json)")
    public TransparencyLog.Consistency consistency(@PathParam("periodId") String periodId, @QueryParam("from") String from) {
        if (from == null || from.isBlank()) {
            throw ApiProblem.invalid("the query parameter from is required: the earlier period, e.g. ?from=2026-10", List.of());
        }
        return log.consistency(terms.period(from).id(), terms.period(periodId).id());
    }

    @GET
    @Path("/statements/{statementId: .+}/lines/{section}/{lineNumber}/inclusion")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM, Roles.PARTY})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The inclusion proof (audit path) of one line of a statement one may read, against its period's tree head")
    @APIResponse(responseCode = "200", description = "The line's leaf index, leaf hash and audit path (hex), and the tree head",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransparencyLog.Inclusion.class)))
    @APIResponse(responseCode = "404", description = "No such statement for this caller, or no such line (problem+json)")
    public TransparencyLog.Inclusion inclusion(@PathParam("statementId") String statementId, @PathParam("section") String section,
                                               @PathParam("lineNumber") int lineNumber) {
        return log.inclusion(readable(statementId), section, lineNumber);
    }

    @GET
    @Path("/statements/{statementId: .+}/verifiable")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM, Roles.PARTY})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The statement as issued with its period's tree head, the public key and every line's inclusion proof,"
            + " for ./fairshare verify (schema " + VerifiableStatement.SCHEMA + ")")
    @APIResponse(responseCode = "200", description = "The verifiable export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such statement for this caller, or its period has no tree head (problem+json)")
    public Response verifiable(@PathParam("statementId") String statementId) {
        return Response.ok(log.verifiableExport(readable(statementId)), MediaType.APPLICATION_JSON).build();
    }

    private StatementRecord readable(String statementId) {
        Caller who = caller.get();
        return statements.statement(statementId).filter(r -> StatementAccess.mayRead(who, r))
                .orElseThrow(() -> ApiProblem.notFound("no statement " + statementId));
    }
}
