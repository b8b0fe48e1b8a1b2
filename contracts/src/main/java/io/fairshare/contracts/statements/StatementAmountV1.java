package io.fairshare.contracts.statements;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One summed amount of a statement: what platform {@code platformId} owes (or holds back) for
 * {@code category}, towards {@code societyId} (null when the party is paid directly) and
 * {@code partyId} (set only when paid directly, or for a DISPUTED line of a direct party).
 * For UNCLAIMED both are null.
 *
 * @param amountMinor whole minor units (won, cents) of the statement's currency; never negative
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementAmountV1(String platformId, String societyId, String partyId, AmountCategory category, long amountMinor) {
}
