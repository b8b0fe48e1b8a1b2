package io.fairshare.contracts.usage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entitled party's line of a resolved event. The lines of an event sum to exactly 10000 basis
 * points (over-claims are scaled down, under-claims get an UNCLAIMED line).
 *
 * @param partyId   registry id of the party; null for UNCLAIMED
 * @param societyId the society that collects for the party under a mandate; null if paid directly
 * @param licenceId the licence that covers the use (LICENSED only)
 * @param tariffId  the licence's tariff (LICENSED only); settlement applies the statutory tariff otherwise
 * @param disputed  the work is over-claimed for this right and territory: shares were scaled pro rata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedLineV1(String partyId, String societyId, int shareBasisPoints, LineStatus status,
                             String licenceId, String tariffId, boolean disputed) {
}
