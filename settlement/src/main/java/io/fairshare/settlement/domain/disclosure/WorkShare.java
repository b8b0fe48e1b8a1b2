package io.fairshare.settlement.domain.disclosure;

import java.math.BigDecimal;

/** One work of the detailed report, per society (named as in {@link DisclosureShares#societyName}) and licence status. */
public record WorkShare(String workId, String society, String status, long events, long units, BigDecimal share, String percent) {
}
