package io.fairshare.service.audit;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Who changed what, read by the operator or an auditor: {@code GET <path>?subject=<subject>}. A service
 * that keeps {@link AdminAudit} serves it by a subclass that names the path ({@code @Path}).
 */
public abstract class AdminAuditResource {
    private final AdminAudit audit;
    private final String exampleSubject;

    protected AdminAuditResource(AdminAudit audit, String exampleSubject) {
        this.audit = audit;
        this.exampleSubject = exampleSubject;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<AdminAudit.Entry> audit(@QueryParam("subject") String subject) {
        if (subject == null || subject.isBlank()) {
            throw ApiProblem.invalid("the query parameter subject is required, e.g. ?subject=" + exampleSubject, List.of());
        }
        return audit.forSubject(subject);
    }
}
