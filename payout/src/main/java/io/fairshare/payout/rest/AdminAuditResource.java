package io.fairshare.payout.rest;

import io.fairshare.service.audit.AdminAudit;
import jakarta.ws.rs.Path;

/** Who changed what: payout runs ({@code payout-run/<id>}), payment status ({@code payment/<endToEndId>}), bank details ({@code payee/<id>}), holdback releases ({@code holdback-release/<id>}), payments received ({@code platform/<id>/payment/<key>}). */
@Path("/v1/admin-audit")
public class AdminAuditResource extends io.fairshare.service.audit.AdminAuditResource {
    public AdminAuditResource(AdminAudit audit) {
        super(audit, "payout-run/r-1");
    }
}
