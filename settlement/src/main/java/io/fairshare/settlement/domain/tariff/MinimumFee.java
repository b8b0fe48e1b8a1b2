package io.fairshare.settlement.domain.tariff;

import java.math.BigDecimal;

/** The least a platform pays under a tariff for a period in which it used the licensed repertoire. */
public record MinimumFee(BigDecimal amount) {
}
