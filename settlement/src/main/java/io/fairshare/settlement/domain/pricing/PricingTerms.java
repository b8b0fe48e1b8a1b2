package io.fairshare.settlement.domain.pricing;

import io.fairshare.contracts.errors.FieldError;
import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import io.fairshare.settlement.domain.outcome.CloseError;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TariffValidator;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms a close prices with, checked: the valid tariffs in the close's currency with their rate
 * tables, the statutory scheme and one revenue declaration per platform. Every problem is reported as a
 * {@link CloseError}; a tariff or scheme with errors is left out.
 */
public record PricingTerms(Map<String, PricedTariff> tariffs, PricedTariff statutory, BigDecimal penaltyMultiplier,
                           Map<String, BigDecimal> revenue) {

    public static PricingTerms check(Map<String, Tariff> inputTariffs, StatutoryScheme inputStatutory,
                                     List<RevenueDeclaration> revenueDeclarations, CurrencyUnit currencyUnit, List<CloseError> errors) {
        String currency = currencyUnit.code();
        PricedTariff statutory = null;
        BigDecimal multiplier = null;
        List<FieldError> statutoryErrors = TariffValidator.validate(inputStatutory);
        if (!statutoryErrors.isEmpty()) {
            errors.add(new CloseError("STATUTORY_INVALID", "statutory scheme", describe(statutoryErrors)));
        } else if (!inputStatutory.tariff().currency().equals(currency)) {
            errors.add(new CloseError("CURRENCY_MISMATCH", "statutory tariff " + inputStatutory.tariff().id(),
                    "the statutory tariff is in " + inputStatutory.tariff().currency() + ", the close in " + currency));
        } else {
            statutory = PricedTariff.of(inputStatutory.tariff(), true);
            multiplier = inputStatutory.reservedPenaltyMultiplier();
        }
        Map<String, PricedTariff> tariffs = new HashMap<>();
        for (Map.Entry<String, Tariff> e : inputTariffs.entrySet()) {
            Tariff t = e.getValue();
            String subject = "tariff " + e.getKey();
            List<FieldError> fieldErrors = TariffValidator.validate(t);
            if (!fieldErrors.isEmpty()) {
                errors.add(new CloseError("TARIFF_INVALID", subject, describe(fieldErrors)));
            } else if (!t.id().equals(e.getKey())) {
                errors.add(new CloseError("TARIFF_INVALID", subject, "the tariff is filed under " + e.getKey() + " but its id is " + t.id()));
            } else if (!t.currency().equals(currency)) {
                errors.add(new CloseError("CURRENCY_MISMATCH", subject, "the tariff is in " + t.currency() + ", the close in " + currency));
            } else {
                tariffs.put(t.id(), PricedTariff.of(t, false));
            }
        }
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (RevenueDeclaration d : revenueDeclarations) {
            String subject = "revenue declaration " + (d == null ? "null" : d.platformId());
            if (d == null || UsageAggregator.isBlank(d.platformId()) || d.amount() == null) {
                errors.add(new CloseError("REVENUE_DECLARATION_INVALID", subject, "a declaration needs a platformId and an amount"));
            } else if (d.amount().signum() < 0 || Money.ofExact(d.amount(), currencyUnit).isEmpty()) {
                errors.add(new CloseError("REVENUE_DECLARATION_INVALID", subject,
                        "declared revenue must be a non-negative " + currency + " amount with at most " + currencyUnit.scale() + " decimal places"));
            } else if (revenue.putIfAbsent(d.platformId(), d.amount()) != null) {
                errors.add(new CloseError("REVENUE_DECLARATION_INVALID", subject, "more than one declaration for the platform"));
            }
        }
        return new PricingTerms(tariffs, statutory, multiplier, revenue);
    }

    private static String describe(List<FieldError> fieldErrors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError f : fieldErrors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(f.field().isEmpty() ? "(tariff)" : f.field()).append(": ").append(f.message());
        }
        return sb.toString();
    }
}
