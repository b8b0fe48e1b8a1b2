package io.fairshare.settlement.domain.tariff;

import java.math.BigDecimal;

/**
 * How one tariff was applied to one platform's usage of the period, so that anyone holding the
 * statement can recompute the period-level models. Null decimals mean the tariff has no such model.
 *
 * @param lines             current-period lines priced with the tariff (violations and adjustments excluded)
 * @param distinctWorks     the works the training fee was split over
 * @param attributedUnits   their attributed units, summed
 * @param revenuePool       {@code revenueDeclared x basis points / 10000}, exact
 * @param minimumFeeApplied whether the lines' computed amount fell short of the minimum fee and was topped up
 */
public record TariffApplication(
        String platformId,
        String tariffId,
        boolean statutory,
        long lines,
        long distinctWorks,
        BigDecimal attributedUnits,
        BigDecimal revenueDeclared,
        BigDecimal revenuePool,
        BigDecimal trainingFee,
        BigDecimal minimumFee,
        boolean minimumFeeApplied) {
}
