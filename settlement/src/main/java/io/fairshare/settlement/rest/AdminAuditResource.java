package io.fairshare.settlement.rest;

import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Who changed what: tariffs ({@code tariff/<id>}), the statutory scheme, revenue ({@code revenue/<platform>/<period>}), closes ({@code period/<id>}). */
@Path("/v1/admin-audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class AdminAuditResource {
    private final AdminAudit audit;

    public AdminAuditResource(AdminAudit audit) {
        this.audit = audit;
    }

    @GET
    public List<AdminAudit.Entry> audit(@QueryParam("subject") String subject) {
        return audit.forSubject(subject, "tariff/t-1");
    }
}
