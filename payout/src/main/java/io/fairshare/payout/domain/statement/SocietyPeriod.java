package io.fairshare.payout.domain.statement;

/** A society in a period: the key of the society statements a payment refers to. */
public record SocietyPeriod(String societyId, String periodId) {
}
