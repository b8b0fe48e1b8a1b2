package io.fairshare.settlement.domain.tariff;

import java.math.BigDecimal;

/**
 * A flat training fee per period, split equally over the distinct works the platform used under the
 * tariff in the period; each work's part is split over that work's lines pro rata to attributed units.
 */
public record TrainingFee(BigDecimal amount) {
}
