package io.fairshare.payout.domain;

/** The part of a payment that pays one period's payable. */
public record PeriodAllocation(String periodId, long amount) {
}
