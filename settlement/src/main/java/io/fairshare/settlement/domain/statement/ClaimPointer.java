package io.fairshare.settlement.domain.statement;

/**
 * Where a claim adjustment points: the claim, and the issued line it corrects (statement, section, 0-based line
 * number, as the transparency log names lines). The line is null for a claim of missing usage, which corrects no line.
 */
public record ClaimPointer(String claimId, String statementId, String section, Integer lineNumber) {
}
