package io.fairshare.payout.domain.reconciliation;

/**
 * One society's money for one period and currency, in minor units.
 *
 * @param issued         payable part (LICENSED + UNLICENSED) of the society's own SOCIETY statements
 * @param issuedHeld     held part (DISPUTED + RESERVED_PENALTY) of the society's own statements
 * @param posted         payable posted by the ledger from the platforms' statements (PAYABLE less RECOVERABLE)
 * @param postedHeld     held back by the ledger from the platforms' statements
 * @param paid           paid out (payout postings less reversals of FAILED and RETURNED payments)
 * @param released       credited to the payable by holdback releases
 * @param offset         net effect of recovery offsets on this period (they sum to 0 over a society's periods)
 * @param carriedForward the payable balance still to be paid
 * @param recoverable    what the society owes back for this period (credit notes beyond its payable)
 * @param heldBack       the disputed and reserved-penalty holdback balances
 */
public record SocietyPeriodFigures(
        String periodId,
        String societyId,
        String currency,
        long issued,
        long issuedHeld,
        long posted,
        long postedHeld,
        long paid,
        long released,
        long offset,
        long carriedForward,
        long recoverable,
        long heldBack) {
}
