package io.fairshare.settlement.domain.statement;

import io.fairshare.contracts.money.Money;

/** What one platform owes a payee for the period: the sum of that payee's rounded lines from the platform. */
public record PlatformAmount(String platformId, Money amount) {
}
