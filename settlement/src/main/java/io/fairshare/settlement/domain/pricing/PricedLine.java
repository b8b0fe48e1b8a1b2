package io.fairshare.settlement.domain.pricing;

import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.math.BigDecimal;

/**
 * One future statement line while a close works on it: its row, the tariff that prices it and who
 * receives it; then its exact amount ({@link Pricing}) and its amount in minor units (rounding).
 */
public final class PricedLine {
    private final UsageRow row;
    private final boolean adjustment;
    private final PricedTariff pricing;
    private final Receiver receiver;
    private BigDecimal exact = BigDecimal.ZERO;
    private String pricedWith;
    private long minor;

    public PricedLine(UsageRow row, boolean adjustment, PricedTariff pricing, Receiver receiver) {
        this.row = row;
        this.adjustment = adjustment;
        this.pricing = pricing;
        this.receiver = receiver;
        this.pricedWith = pricing.id();
    }

    public UsageRow row() {
        return row;
    }

    /** Usage of an earlier, closed period. */
    public boolean adjustment() {
        return adjustment;
    }

    public PricedTariff pricing() {
        return pricing;
    }

    public Receiver receiver() {
        return receiver;
    }

    public boolean reserved() {
        return row.status() == LineStatus.RESERVED;
    }

    public TariffGroup tariffGroup() {
        return new TariffGroup(row.platformId(), pricing.id());
    }

    public BigDecimal exact() {
        return exact;
    }

    void exact(BigDecimal exact) {
        this.exact = exact;
    }

    /** The id of the tariff whose rate priced the line (a violation may fall back to the statutory one). */
    public String pricedWith() {
        return pricedWith;
    }

    void pricedWith(String pricedWith) {
        this.pricedWith = pricedWith;
    }

    public long minor() {
        return minor;
    }

    public void minor(long minor) {
        this.minor = minor;
    }
}
