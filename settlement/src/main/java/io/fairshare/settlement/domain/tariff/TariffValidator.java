package io.fairshare.settlement.domain.tariff;

import io.fairshare.contracts.errors.FieldError;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a tariff (or the statutory scheme) and returns every problem found as a {@link FieldError};
 * an empty list means valid. Nothing here throws on bad input.
 */
public final class TariffValidator {
    /** Decimal places a per-unit rate or a pool weight may carry. */
    public static final int MAX_RATE_SCALE = 12;
    /** Decimal places the reserved-usage penalty multiplier may carry. */
    public static final int MAX_MULTIPLIER_SCALE = 6;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private TariffValidator() {
    }

    public static List<FieldError> validate(Tariff tariff) {
        return validate(tariff, "");
    }

    /** The statutory tariff, which must also price every usage type and unit kind, and the multiplier (at least 1). */
    public static List<FieldError> validate(StatutoryScheme scheme) {
        List<FieldError> errors = new ArrayList<>();
        if (scheme == null) {
            errors.add(new FieldError("", "REQUIRED", "the statutory scheme is required"));
            return errors;
        }
        if (scheme.tariff() == null) {
            errors.add(new FieldError("tariff", "REQUIRED", "the statutory tariff is required"));
        } else {
            errors.addAll(validate(scheme.tariff(), "tariff."));
            for (UsageType type : UsageType.values()) {
                for (UnitKind kind : UnitKind.values()) {
                    if (scheme.tariff().rateFor(type, kind).isEmpty()) {
                        errors.add(new FieldError("tariff.unitRates", "STATUTORY_RATE_MISSING",
                                "the statutory tariff needs a rate for " + type.wireName() + " by " + kind.wireName()));
                    }
                }
            }
        }
        BigDecimal m = scheme.reservedPenaltyMultiplier();
        if (m == null) {
            errors.add(new FieldError("reservedPenaltyMultiplier", "REQUIRED", "the penalty multiplier for reserved usage is required"));
        } else if (m.compareTo(BigDecimal.ONE) < 0) {
            errors.add(new FieldError("reservedPenaltyMultiplier", "OUT_OF_RANGE", "the penalty multiplier must be at least 1, was " + m.toPlainString()));
        } else if (scaleOf(m) > MAX_MULTIPLIER_SCALE) {
            errors.add(new FieldError("reservedPenaltyMultiplier", "TOO_PRECISE",
                    "the penalty multiplier may have at most " + MAX_MULTIPLIER_SCALE + " decimal places"));
        }
        return errors;
    }

    private static List<FieldError> validate(Tariff tariff, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (tariff == null) {
            errors.add(new FieldError(prefix, "REQUIRED", "the tariff is required"));
            return errors;
        }
        if (tariff.id() == null || !ID.matcher(tariff.id()).matches()) {
            errors.add(new FieldError(prefix + "id", "INVALID_ID",
                    "a tariff id is 1-64 characters of letters, digits and . _ : -, starting with a letter or digit"));
        }
        Optional<CurrencyUnit> currency = CurrencyUnit.of(tariff.currency());
        if (currency.isEmpty()) {
            errors.add(new FieldError(prefix + "currency", "UNKNOWN_CURRENCY", "an ISO 4217 currency code with a minor unit is required, e.g. KRW, USD"));
        }
        if (tariff.unitRates().isEmpty() && tariff.minimumFee() == null && tariff.revenueShare() == null && tariff.trainingFee() == null) {
            errors.add(new FieldError(prefix, "NO_MODEL", "a tariff needs at least one of unitRates, minimumFee, revenueShare, trainingFee"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tariff.unitRates().size(); i++) {
            UnitRate r = tariff.unitRates().get(i);
            String path = prefix + "unitRates[" + i + "]";
            if (r == null) {
                errors.add(new FieldError(path, "REQUIRED", "a rate entry must not be null"));
                continue;
            }
            if (r.usageType() == null) {
                errors.add(new FieldError(path + ".usageType", "REQUIRED", "usageType is required"));
            }
            if (r.unitKind() == null) {
                errors.add(new FieldError(path + ".unitKind", "REQUIRED", "unitKind is required"));
            }
            if (r.amount() == null) {
                errors.add(new FieldError(path + ".amount", "REQUIRED", "amount is required"));
            } else if (r.amount().signum() < 0) {
                errors.add(new FieldError(path + ".amount", "NEGATIVE", "a rate must not be negative"));
            } else if (scaleOf(r.amount()) > MAX_RATE_SCALE) {
                errors.add(new FieldError(path + ".amount", "TOO_PRECISE", "a rate may have at most " + MAX_RATE_SCALE + " decimal places"));
            }
            if (r.per() <= 0) {
                errors.add(new FieldError(path + ".per", "NOT_POSITIVE", "per (how many units the amount is for) must be at least 1"));
            } else if (!UnitRate.isDecimalDivisor(r.per())) {
                errors.add(new FieldError(path + ".per", "NOT_DECIMAL_DIVISOR",
                        "per must be a product of 2s and 5s (1, 1000, 1024, 1000000 ...) so that a unit's price is an exact decimal"));
            }
            if (r.usageType() != null && r.unitKind() != null && !seen.add(r.usageType() + "/" + r.unitKind())) {
                errors.add(new FieldError(path, "DUPLICATE_RATE",
                        "a second rate for " + r.usageType().wireName() + " by " + r.unitKind().wireName()));
            }
        }
        if (tariff.minimumFee() != null) {
            checkAmount(errors, prefix + "minimumFee.amount", tariff.minimumFee().amount(), currency);
        }
        if (tariff.revenueShare() != null) {
            RevenueShare rs = tariff.revenueShare();
            if (rs.basisPoints() < 1 || rs.basisPoints() > BasisPoints.WHOLE) {
                errors.add(new FieldError(prefix + "revenueShare.basisPoints", "OUT_OF_RANGE",
                        "the pool is 1..10000 basis points of declared revenue, was " + rs.basisPoints()));
            }
            if (rs.unitKindWeights() != null) {
                for (Map.Entry<UnitKind, BigDecimal> w : rs.unitKindWeights().entrySet()) {
                    String path = prefix + "revenueShare.unitKindWeights." + (w.getKey() == null ? "null" : w.getKey().wireName());
                    if (w.getKey() == null) {
                        errors.add(new FieldError(path, "REQUIRED", "a unit kind is required"));
                    }
                    if (w.getValue() == null || w.getValue().signum() <= 0) {
                        errors.add(new FieldError(path, "NOT_POSITIVE", "a unit kind weight must be greater than 0"));
                    } else if (scaleOf(w.getValue()) > MAX_RATE_SCALE) {
                        errors.add(new FieldError(path, "TOO_PRECISE", "a weight may have at most " + MAX_RATE_SCALE + " decimal places"));
                    }
                }
            }
        }
        if (tariff.trainingFee() != null) {
            checkAmount(errors, prefix + "trainingFee.amount", tariff.trainingFee().amount(), currency);
        }
        return errors;
    }

    private static void checkAmount(List<FieldError> errors, String path, BigDecimal amount, Optional<CurrencyUnit> currency) {
        if (amount == null) {
            errors.add(new FieldError(path, "REQUIRED", "amount is required"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError(path, "NOT_POSITIVE", "the amount must be greater than 0"));
        } else if (currency.isPresent() && scaleOf(amount) > currency.get().scale()) {
            errors.add(new FieldError(path, "TOO_PRECISE",
                    "a " + currency.get().code() + " amount has at most " + currency.get().scale() + " decimal places"));
        }
    }

    private static int scaleOf(BigDecimal d) {
        return Math.max(0, d.stripTrailingZeros().scale());
    }
}
