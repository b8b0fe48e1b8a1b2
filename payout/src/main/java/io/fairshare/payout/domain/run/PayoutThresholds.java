package io.fairshare.payout.domain.run;

import java.util.Map;

/**
 * Minimum payout per society and currency, in minor units. A society is paid when its payable balance in a
 * currency reaches (is at least) its threshold; otherwise the balance carries forward. Lookup order: the
 * society's own threshold for the currency, the default for the currency, else 0 (any positive balance is paid).
 */
public record PayoutThresholds(Map<String, Long> defaultByCurrency, Map<String, Map<String, Long>> bySocietyAndCurrency) {
    public PayoutThresholds {
        defaultByCurrency = Map.copyOf(defaultByCurrency);
        bySocietyAndCurrency = bySocietyAndCurrency.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        defaultByCurrency.values().forEach(PayoutThresholds::requireNonNegative);
        bySocietyAndCurrency.values().forEach(m -> m.values().forEach(PayoutThresholds::requireNonNegative));
    }

    public static PayoutThresholds defaults(Map<String, Long> defaultByCurrency) {
        return new PayoutThresholds(defaultByCurrency, Map.of());
    }

    public static PayoutThresholds none() {
        return new PayoutThresholds(Map.of(), Map.of());
    }

    public PayoutThresholds withSociety(String societyId, String currency, long threshold) {
        Map<String, Map<String, Long>> copy = new java.util.HashMap<>(bySocietyAndCurrency);
        Map<String, Long> own = new java.util.HashMap<>(copy.getOrDefault(societyId, Map.of()));
        own.put(currency, threshold);
        copy.put(societyId, own);
        return new PayoutThresholds(defaultByCurrency, copy);
    }

    public long thresholdFor(String societyId, String currency) {
        Long own = bySocietyAndCurrency.getOrDefault(societyId, Map.of()).get(currency);
        if (own != null) {
            return own;
        }
        return defaultByCurrency.getOrDefault(currency, 0L);
    }

    private static void requireNonNegative(Long threshold) {
        if (threshold == null || threshold < 0) {
            throw new IllegalArgumentException("a threshold is a non-negative amount, got: " + threshold);
        }
    }
}
