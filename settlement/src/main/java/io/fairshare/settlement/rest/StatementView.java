package io.fairshare.settlement.rest;

import io.fairshare.settlement.application.StatementRecord;
import java.time.Instant;
import java.util.List;

/** A statement's metadata as the API shows it; the statement itself is {@code GET /v1/statements/{statementId}}. */
public record StatementView(String statementId, String periodId, String kind, String addresseeId, String currency, long totalMinor,
                            String sha256, List<String> adjustsPeriods, Instant issuedAt) {
    static StatementView of(StatementRecord r) {
        return new StatementView(r.statementId(), r.periodId(), r.kind(), r.addresseeId(), r.currency(), r.totalMinor(), r.sha256(),
                r.adjustsPeriods(), r.issuedAt());
    }
}
