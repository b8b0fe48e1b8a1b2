package io.fairshare.settlement.application;

import java.time.Instant;
import java.util.List;

/**
 * An issued statement as stored: its metadata, and (when loaded) its canonical bytes and exports.
 *
 * @param kind        SOCIETY, PARTY or PLATFORM
 * @param addresseeId the society, party or platform id
 */
public record StatementRecord(
        String statementId,
        String periodId,
        String kind,
        String addresseeId,
        String currency,
        long totalMinor,
        String sha256,
        List<String> adjustsPeriods,
        Instant issuedAt,
        byte[] canonical,
        byte[] csv,
        byte[] dsr) {
}
