package io.fairshare.payout.rest;

import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Who changed what: payout runs ({@code payout-run/<id>}), payment status ({@code payment/<endToEndId>}), bank details ({@code payee/<id>}), holdback releases ({@code holdback-release/<id>}), payments received ({@code platform/<id>/payment/<key>}). */
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
        return audit.forSubject(subject, "payout-run/r-1");
    }
}
