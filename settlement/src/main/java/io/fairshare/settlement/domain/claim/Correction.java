package io.fairshare.settlement.domain.claim;

import io.fairshare.settlement.domain.payee.Payee;

/**
 * One part of an accepted claim's correction: what {@code payee} is owed more (positive) or was paid too much
 * (negative), in whole minor units of the claim's currency, charged to (or credited to) the claim's platform.
 */
public record Correction(Payee payee, long amountMinor) {
}
