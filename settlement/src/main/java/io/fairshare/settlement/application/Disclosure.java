package io.fairshare.settlement.application;

import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.config.DisclosureSettings;
import io.fairshare.settlement.domain.disclosure.DisclosureReport;
import io.fairshare.settlement.domain.disclosure.DisclosureShares;
import io.fairshare.settlement.persistence.DisclosureStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Disclosure reports (issue 14, section 2; module README, "Disclosure reports"): what a model of a platform used in a
 * period, from the aggregates the ledger keeps. The public summary is anyone's; the detailed report is the platform's
 * own, the operator's, and an auditor's within its scope (each auditor read is audited). Anyone else is answered
 * 404 exactly as if there were no such report.
 */
@ApplicationScoped
public class Disclosure {
    private final DisclosureStore store;
    private final Terms terms;
    private final AdminAudit audit;
    private final int minGroupEvents;

    public Disclosure(DisclosureStore store, Terms terms, AdminAudit audit, DisclosureSettings settings) {
        this.store = store;
        this.terms = terms;
        this.audit = audit;
        this.minGroupEvents = settings.minGroupEvents();
    }

    /** The public summary; 404 problem+json naming the period, platform or model that has no usage. */
    public DisclosureReport summary(String periodId, String platformId, String modelId, String modelVersion) {
        return report(terms.period(periodId).id(), platformId, modelId, blankAsNull(modelVersion), false);
    }

    /** The detailed report for {@code who} (null: anonymous); 404 without a hint when {@code who} may not read it. */
    public DisclosureReport detailed(Caller who, String periodId, String platformId, String modelId, String modelVersion) {
        String period = terms.period(periodId).id(); // a malformed period id says nothing about any data
        if (!mayReadDetailed(who, period, platformId)) {
            throw ApiProblem.notFound("no detailed disclosure report for " + period + "/" + platformId + "/" + modelId);
        }
        DisclosureReport r = report(period, platformId, modelId, blankAsNull(modelVersion), true);
        if (who.is(Roles.AUDITOR)) {
            audit.record(who, "disclosure.detailed.read", "disclosure/" + period + "/" + platformId + "/" + modelId,
                    "detailed disclosure report read" + (r.modelVersion() == null ? "" : ", model version " + r.modelVersion())
                            + ": " + r.works().size() + " work rows");
        }
        return r;
    }

    /** The platform itself, the operator, or an auditor whose scope covers the platform in the period. */
    static boolean mayReadDetailed(Caller who, String periodId, String platformId) {
        if (who == null) {
            return false;
        }
        return who.isOperator() || who.isOwn(Roles.PLATFORM, platformId)
                || who.is(Roles.AUDITOR) && who.scope().mayRead(platformId, periodId);
    }

    private DisclosureReport report(String period, String platformId, String modelId, String modelVersion, boolean detailed) {
        DisclosureStore.Found f = store.find(period, platformId, modelId, modelVersion, detailed);
        if (!f.period()) {
            throw ApiProblem.notFound("no usage is settled in period " + period);
        }
        if (!f.platform()) {
            throw ApiProblem.notFound("no usage of platform " + platformId + " in period " + period);
        }
        if (f.rows().isEmpty()) {
            throw ApiProblem.notFound("no usage of model " + modelId + (modelVersion == null ? "" : " version " + modelVersion)
                    + " by platform " + platformId + " in period " + period);
        }
        return DisclosureShares.report(period, platformId, modelId, modelVersion, detailed, minGroupEvents, f.rows(), f.works());
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
