package io.fairshare.registry.domain.resolution;

import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;

/**
 * One entitled party's part of a usage event, or the unclaimed remainder.
 *
 * @param party              null for the unclaimed remainder
 * @param society            the society the party's mandate names; null when the party is paid directly (and for
 *                           the unclaimed remainder)
 * @param basisPoints        the part settled, after over-claim scaling; the lines of a resolution sum to 10000
 * @param claimedBasisPoints the part the shares claim (equal to {@code basisPoints} unless over-claimed)
 * @param status             see {@link LineStatus}
 * @param tariff             the licence's tariff when {@link LineStatus#LICENSED}, else null (settlement applies
 *                           the statutory tariff to unlicensed lines and the penalty tariff to reserved ones)
 * @param licence            the licence that covers the use when {@link LineStatus#LICENSED} (its tariff is
 *                           {@code tariff}), else null
 * @param disputed           the line was scaled down because the shares over-claim
 * @param reservedBy         the source of the reservation when {@link LineStatus#RESERVED}, else null
 */
public record ResolutionLine(PartyId party, SocietyId society, int basisPoints, int claimedBasisPoints,
                             LineStatus status, TariffId tariff, Licence.Key licence, boolean disputed,
                             ReservationSource reservedBy) {
}
