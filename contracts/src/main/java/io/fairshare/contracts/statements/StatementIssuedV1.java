package io.fairshare.contracts.statements;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A statement settlement issued at a period's close, on
 * {@link io.fairshare.contracts.Topics#STATEMENTS_ISSUED}, key {@code statementId}. The statement
 * itself (its canonical JSON, whose SHA-256 is {@code sha256}) is read from settlement's
 * {@code GET /v1/statements/{statementId}}; this announcement carries what payout books.
 * Schema: {@code schemas/statement-issued.v1.schema.json}.
 *
 * @param statementId    e.g. {@code 2026-11/society/S1}, {@code 2026-11/party/P7}, {@code 2026-11/platform/openai}
 * @param kind           SOCIETY, PARTY (paid directly) or PLATFORM
 * @param societyId      the society (kind SOCIETY), else null
 * @param partyId        the party paid directly (kind PARTY), else null
 * @param platformId     the platform (kind PLATFORM), else null
 * @param currency       ISO 4217 code
 * @param totalMinor     the statement's total in minor units: for a payee what the platforms owe it
 *                       (DISPUTED amounts excluded), for a platform what it owes plus its holdbacks
 * @param adjustsPeriods the earlier periods whose late usage this statement settles, ascending
 * @param amounts        the total broken down by platform, payee and category; the non-DISPUTED amounts
 *                       of a payee's statement sum to {@code totalMinor}, all amounts of a platform's do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementIssuedV1(
        String statementId,
        StatementKind kind,
        String periodId,
        String societyId,
        String partyId,
        String platformId,
        String currency,
        long totalMinor,
        String sha256,
        List<String> adjustsPeriods,
        List<StatementAmountV1> amounts,
        Instant issuedAt) {

    public StatementIssuedV1 {
        adjustsPeriods = List.copyOf(adjustsPeriods);
        amounts = List.copyOf(amounts);
    }
}
