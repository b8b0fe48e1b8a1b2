package io.fairshare.settlement.domain.pricing;

/** A tariff group: one platform's current-period lines priced with one tariff. */
public record TariffGroup(String platformId, String tariffId) implements Comparable<TariffGroup> {
    @Override
    public int compareTo(TariffGroup o) {
        int c = platformId.compareTo(o.platformId);
        return c != 0 ? c : tariffId.compareTo(o.tariffId);
    }
}
