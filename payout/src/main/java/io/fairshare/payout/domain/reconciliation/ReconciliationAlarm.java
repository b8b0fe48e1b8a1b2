package io.fairshare.payout.domain.reconciliation;

/**
 * One discrepancy: what was expected (from the documents, or the other side of the books), what the ledger
 * shows, for which subject ({@code society:<id>}, {@code platform:<id>}, {@code transaction:<id>},
 * {@code run:<id>}, {@code receipt:<id>}, {@code account:<id>}), period and currency where they apply.
 */
public record ReconciliationAlarm(AlarmCode code, String subject, String periodId, String currency, long expected, long actual, String message) {
}
