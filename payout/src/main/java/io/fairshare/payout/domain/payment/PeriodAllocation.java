package io.fairshare.payout.domain.payment;

/** The part of a payment that pays one period's payable. */
public record PeriodAllocation(String periodId, long amount) {
}
