package io.fairshare.settlement.domain.statement;

import io.fairshare.contracts.money.Money;

/**
 * A platform statement's figures for one model (id and version): event lines, units as reported, and
 * the part of the statement's total that the model's usage earned.
 */
public record ModelAmount(String modelId, String modelVersion, long events, long units, Money amount) {
}
