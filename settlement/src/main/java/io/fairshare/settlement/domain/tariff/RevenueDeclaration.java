package io.fairshare.settlement.domain.tariff;

import java.math.BigDecimal;

/** The revenue a platform declares for the period being closed, in the settlement currency. */
public record RevenueDeclaration(String platformId, BigDecimal amount) {
}
