package io.fairshare.settlement.domain.pricing;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.UnitRate;
import java.math.BigDecimal;

/** A validated tariff with its per-unit prices looked up once; {@code statutory} when it is the statutory tariff. */
public record PricedTariff(Tariff tariff, boolean statutory, BigDecimal[][] perUnit) {
    public static PricedTariff of(Tariff tariff, boolean statutory) {
        BigDecimal[][] table = new BigDecimal[UsageType.values().length][UnitKind.values().length];
        for (UnitRate r : tariff.unitRates()) {
            table[r.usageType().ordinal()][r.unitKind().ordinal()] = r.perUnit();
        }
        return new PricedTariff(tariff, statutory, table);
    }

    /** The price of one unit of the type and kind, or null when the tariff has no rate for them. */
    public BigDecimal perUnit(UsageType type, UnitKind kind) {
        return perUnit[type.ordinal()][kind.ordinal()];
    }

    public String id() {
        return tariff.id();
    }
}
