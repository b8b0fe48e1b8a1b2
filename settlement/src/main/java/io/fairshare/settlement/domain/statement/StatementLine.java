package io.fairshare.settlement.domain.statement;

import io.fairshare.settlement.domain.usage.LineStatus;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;

/**
 * One issued line: a party's share of a work's use of one type, on one platform, with its amount
 * rounded once (see {@link LargestRemainder}).
 *
 * @param tariffId        the tariff rights-registry resolved (may be null when not LICENSED)
 * @param pricedWith      the tariff whose terms priced the line (the statutory tariff for UNLICENSED)
 * @param correctsPeriod  for an adjustment: the earlier period whose usage this is; else null
 * @param units           units as reported, summed over the line's events
 * @param attributedUnits units x attribution weight x share, summed, exact
 * @param claim           for the adjustment of an accepted claim: the claim and the line it corrects; else null
 */
public record StatementLine(
        String platformId,
        String societyId,
        String partyId,
        String workId,
        String workCategory,
        UsageType usageType,
        UnitKind unitKind,
        LineStatus status,
        String tariffId,
        String pricedWith,
        boolean disputed,
        boolean backClaim,
        String correctsPeriod,
        long events,
        long units,
        BigDecimal attributedUnits,
        Money amount,
        ClaimPointer claim) {

    /** A line of usage (no claim). */
    public StatementLine(String platformId, String societyId, String partyId, String workId, String workCategory, UsageType usageType,
                         UnitKind unitKind, LineStatus status, String tariffId, String pricedWith, boolean disputed, boolean backClaim,
                         String correctsPeriod, long events, long units, BigDecimal attributedUnits, Money amount) {
        this(platformId, societyId, partyId, workId, workCategory, usageType, unitKind, status, tariffId, pricedWith, disputed, backClaim,
                correctsPeriod, events, units, attributedUnits, amount, null);
    }

    public boolean isAdjustment() {
        return correctsPeriod != null;
    }

    public boolean isClaimAdjustment() {
        return claim != null;
    }

    public boolean isViolation() {
        return status == LineStatus.RESERVED;
    }

    public boolean isUnlicensed() {
        return status == LineStatus.UNLICENSED;
    }
}
