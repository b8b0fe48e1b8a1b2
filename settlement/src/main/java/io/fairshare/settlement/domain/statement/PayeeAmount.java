package io.fairshare.settlement.domain.statement;

import io.fairshare.settlement.domain.payee.Payee;

import io.fairshare.contracts.money.Money;

/** What a platform owes one payee, by section; {@code total = lines + adjustments + violations}. */
public record PayeeAmount(Payee payee, Money lines, Money adjustments, Money violations, Money total) {
}
