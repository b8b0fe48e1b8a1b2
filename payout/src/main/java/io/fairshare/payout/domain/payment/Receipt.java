package io.fairshare.payout.domain.payment;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Money received from a platform, as the bank reported it. {@code idempotencyKey} is required and unique per
 * platform: the same key delivered again is the same receipt.
 */
public record Receipt(String platformId, String idempotencyKey, String currency, long amount, LocalDate receivedOn, String bankReference) {

    /** The id of the receipt's ledger transaction and its source: {@code platformId/idempotencyKey}. */
    public String sourceId() {
        return platformId + "/" + idempotencyKey;
    }

    /** The amount received as exact money (only for a valid receipt: the currency must be known). */
    public Money money() {
        return Money.ofMinor(amount, CurrencyUnit.require(currency));
    }

    public Optional<Rejection> validate() {
        if (platformId == null || platformId.isBlank()) {
            return invalid("platformId is required");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return invalid("idempotencyKey is required");
        }
        if (idempotencyKey.length() > 200) {
            return invalid("idempotencyKey is longer than 200 characters");
        }
        if (!CurrencyUnit.isSupported(currency)) {
            return invalid("currency must be an ISO 4217 code with a minor unit, got: " + currency);
        }
        if (amount <= 0 || amount > IssuedStatement.MAX_LINE_AMOUNT) {
            return invalid("amount must be between 1 and " + IssuedStatement.MAX_LINE_AMOUNT + " minor units, got: " + amount);
        }
        if (receivedOn == null) {
            return invalid("receivedOn is required");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> invalid(String message) {
        return Optional.of(Rejection.of(ErrorCode.INVALID_RECEIPT, message));
    }
}
