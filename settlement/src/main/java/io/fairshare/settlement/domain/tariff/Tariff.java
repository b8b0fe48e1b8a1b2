package io.fairshare.settlement.domain.tariff;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How usage under one licence becomes money. The four models combine: per-unit rates, a minimum fee,
 * a revenue-share pool and a training fee; a model that is null is not part of the tariff. A tariff id
 * names one immutable version: a changed tariff is a new id. Amounts are in {@code currency}.
 * Check a tariff with {@link TariffValidator} before use; the record itself accepts anything so that
 * the validator can report every problem at once.
 */
public record Tariff(
        String id,
        String currency,
        List<UnitRate> unitRates,
        MinimumFee minimumFee,
        RevenueShare revenueShare,
        TrainingFee trainingFee) {

    public Tariff {
        unitRates = unitRates == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(unitRates));
    }

    public Optional<UnitRate> rateFor(UsageType usageType, UnitKind unitKind) {
        for (UnitRate r : unitRates) {
            if (r != null && r.usageType() == usageType && r.unitKind() == unitKind) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
