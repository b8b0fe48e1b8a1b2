package io.fairshare.settlement.domain.tariff;

import java.math.BigDecimal;

/**
 * The statutory side of the scheme: the default tariff that prices UNLICENSED usage (and UNCLAIMED
 * remainders without a tariff of their own), and the penalty multiplier for RESERVED (opted-out)
 * usage. The statutory tariff must carry a per-unit rate for every usage type and unit kind, so that
 * no unlicensed or reserved use is ever priced at nothing by omission.
 */
public record StatutoryScheme(Tariff tariff, BigDecimal reservedPenaltyMultiplier) {
}
