package io.fairshare.payout.domain.reconciliation;

/**
 * One platform's money for one period and currency, in minor units.
 *
 * @param issued        total of the platform's PLATFORM statements (all categories)
 * @param posted        receivable posted by the ledger from them (RECEIVABLE less PLATFORM_CREDIT of the period)
 * @param collected     receivable paid, by receipts and by applied credit
 * @param outstanding   the receivable balance still open
 * @param credit        the platform's credit attributed to this period (credit notes, waived holdbacks)
 * @param unclaimedHeld the unclaimed holdback balance
 */
public record PlatformPeriodFigures(
        String periodId,
        String platformId,
        String currency,
        long issued,
        long posted,
        long collected,
        long outstanding,
        long credit,
        long unclaimedHeld) {
}
