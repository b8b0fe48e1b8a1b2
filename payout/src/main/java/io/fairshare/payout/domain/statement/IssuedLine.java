package io.fairshare.payout.domain.statement;

/**
 * One line of an issued statement: an amount (minor units; negative for a credit) of one category, between
 * one platform and one society.
 *
 * @param societyId      the society; null only for UNCLAIMED (no party). On a SOCIETY statement null means "this statement's society"
 * @param platformId     the platform; on a PLATFORM statement null means "this statement's platform"; optional on a SOCIETY statement
 * @param correctsPeriod for an adjustment, the earlier period the line corrects; null for the statement's own period
 */
public record IssuedLine(String societyId, String platformId, LineCategory category, long amount, String correctsPeriod) {

    public static IssuedLine of(String societyId, LineCategory category, long amount) {
        return new IssuedLine(societyId, null, category, amount, null);
    }

    public static IssuedLine adjustment(String societyId, LineCategory category, long amount, String correctsPeriod) {
        return new IssuedLine(societyId, null, category, amount, correctsPeriod);
    }
}
