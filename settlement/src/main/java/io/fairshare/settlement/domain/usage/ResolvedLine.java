package io.fairshare.settlement.domain.usage;

/**
 * One share of a resolved usage event.
 *
 * @param partyId          the rights holder; null only for an UNCLAIMED remainder
 * @param societyId        the society collecting for the party; null if the party is paid directly
 * @param shareBasisPoints the share, 1..10000; the lines of an event sum to exactly 10000 (an
 *                         over-claim has already been scaled pro rata by rights-registry)
 * @param tariffId         for LICENSED: the licence's tariff; optional otherwise (see the README)
 * @param disputed         the share is contested (an over-claim); its money is held, not paid
 */
public record ResolvedLine(String partyId, String societyId, int shareBasisPoints, LineStatus status, String tariffId, boolean disputed) {
}
