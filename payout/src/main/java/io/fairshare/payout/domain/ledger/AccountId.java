package io.fairshare.payout.domain.ledger;

import io.fairshare.contracts.money.CurrencyUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * A ledger account: type, owner (platform, society or {@link #BANK}), period where the type has one, and
 * currency. An account holds one currency; its balance is kept in minor units in its normal-balance sense.
 * Written {@code TYPE:owner[:period]:CCY}, e.g. {@code PAYABLE:SOC-1:2026-11:KRW}.
 */
public record AccountId(AccountType type, String owner, String period, String currency) implements Comparable<AccountId> {
    /** Owner of the clearing (bank) account. */
    public static final String BANK = "bank";

    private static final Comparator<AccountId> ORDER = Comparator.comparing(AccountId::type)
            .thenComparing(AccountId::owner)
            .thenComparing(AccountId::currency)
            .thenComparing(AccountId::period, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Oldest period first; an account without a period (unallocated) comes first. */
    public static final Comparator<AccountId> OLDEST_FIRST = Comparator
            .comparing(AccountId::period, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(ORDER);

    public AccountId {
        Objects.requireNonNull(type, "type");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("an account needs an owner: " + type);
        }
        if (!CurrencyUnit.isSupported(currency)) {
            throw new IllegalArgumentException("unsupported currency for an account: " + currency);
        }
        switch (type.periodRule()) {
            case REQUIRED -> {
                if (!Periods.isValid(period)) {
                    throw new IllegalArgumentException(type + " needs a valid period, got: " + period);
                }
            }
            case OPTIONAL -> {
                if (period != null && !Periods.isValid(period)) {
                    throw new IllegalArgumentException(type + " period is invalid: " + period);
                }
            }
            case NONE -> {
                if (period != null) {
                    throw new IllegalArgumentException(type + " has no period, got: " + period);
                }
            }
        }
        if (type.ownerKind() == AccountType.OwnerKind.BANK && !BANK.equals(owner)) {
            throw new IllegalArgumentException("the clearing account is owned by '" + BANK + "'");
        }
    }

    public static AccountId receivable(String platformId, String period, String currency) {
        return new AccountId(AccountType.RECEIVABLE, platformId, period, currency);
    }

    /** A platform's credit; {@code period} is null for unallocated cash (an overpayment). */
    public static AccountId platformCredit(String platformId, String period, String currency) {
        return new AccountId(AccountType.PLATFORM_CREDIT, platformId, period, currency);
    }

    public static AccountId payable(String societyId, String period, String currency) {
        return new AccountId(AccountType.PAYABLE, societyId, period, currency);
    }

    public static AccountId recoverable(String societyId, String period, String currency) {
        return new AccountId(AccountType.RECOVERABLE, societyId, period, currency);
    }

    public static AccountId unclaimed(String platformId, String period, String currency) {
        return new AccountId(AccountType.HOLDBACK_UNCLAIMED, platformId, period, currency);
    }

    public static AccountId disputed(String societyId, String period, String currency) {
        return new AccountId(AccountType.HOLDBACK_DISPUTED, societyId, period, currency);
    }

    public static AccountId reserved(String societyId, String period, String currency) {
        return new AccountId(AccountType.HOLDBACK_RESERVED, societyId, period, currency);
    }

    public static AccountId inTransit(String societyId, String currency) {
        return new AccountId(AccountType.IN_TRANSIT, societyId, null, currency);
    }

    public static AccountId clearing(String currency) {
        return new AccountId(AccountType.CLEARING, BANK, null, currency);
    }

    @Override
    public int compareTo(AccountId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type + ":" + owner + (period == null ? "" : ":" + period) + ":" + currency;
    }
}
