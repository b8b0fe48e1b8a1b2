package io.fairshare.settlement.rest;

import io.fairshare.service.audit.AdminAudit;
import jakarta.ws.rs.Path;

/** Who changed what: tariffs ({@code tariff/<id>}), the statutory scheme, revenue ({@code revenue/<platform>/<period>}), closes ({@code period/<id>}). */
@Path("/v1/admin-audit")
public class AdminAuditResource extends io.fairshare.service.audit.AdminAuditResource {
    public AdminAuditResource(AdminAudit audit) {
        super(audit, "tariff/t-1");
    }
}
