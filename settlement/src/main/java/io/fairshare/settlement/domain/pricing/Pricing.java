package io.fairshare.settlement.domain.pricing;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.LargestRemainder;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.settlement.domain.outcome.CloseError;
import io.fairshare.settlement.domain.tariff.BasisPoints;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TariffApplication;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tariff rule: which tariff prices a line, and each line's exact amount.
 * <ul>
 *   <li>Current-period lines that are not RESERVED are priced in tariff groups (platform, pricing
 *       tariff): per-unit rate, then the revenue pool pro rata to {@code a x unit-kind weight}, then
 *       the training fee equally per work and pro rata to {@code a} within a work, then the minimum
 *       fee's shortfall pro rata to the amounts so far (or to {@code a} when they are 0).</li>
 *   <li>Adjustments: the per-unit rate of their pricing tariff only.</li>
 *   <li>RESERVED lines: {@code a x rate x penalty multiplier}, the line's tariff's rate if it has one,
 *       else the statutory rate.</li>
 * </ul>
 * Pool, fee and shortfall shares are split with {@link LargestRemainder#split} at
 * {@value #WORKING_DECIMALS} decimal places below the minor unit, so the parts add up to the whole exactly.
 */
public final class Pricing {
    /** Decimal places below the currency's minor unit at which pool, fee and shortfall shares are split. */
    public static final int WORKING_DECIMALS = 20;

    private final CurrencyUnit currency;

    public Pricing(CurrencyUnit currency) {
        this.currency = currency;
    }

    /**
     * The tariff that prices a row (for RESERVED: the tariff whose rate is looked up first): its own
     * tariff for LICENSED, and for UNCLAIMED and RESERVED when it has one; else the statutory tariff.
     * An unknown tariff is reported once per platform and tariff, and answers null.
     */
    public static PricedTariff pricingTariff(UsageRow row, PricingTerms terms, List<CloseError> errors, Set<String> reported) {
        boolean ownTariff = row.status() == LineStatus.LICENSED
                || ((row.status() == LineStatus.UNCLAIMED || row.status() == LineStatus.RESERVED) && row.tariffId() != null);
        if (!ownTariff) {
            return terms.statutory();
        }
        PricedTariff p = terms.tariffs().get(row.tariffId());
        if (p == null && reported.add(row.platformId() + '\u0000' + row.tariffId())) {
            errors.add(new CloseError("TARIFF_UNKNOWN", "tariff " + row.tariffId(),
                    "usage of platform " + row.platformId() + " refers to tariff " + row.tariffId() + ", which was not supplied or is invalid"));
        }
        return p;
    }

    /** Sets every line's exact amount; answers how each tariff group was priced. */
    public Map<TariffGroup, TariffApplication> price(List<PricedLine> lines, PricingTerms terms, List<CloseError> errors) {
        Map<TariffGroup, List<PricedLine>> groups = new HashMap<>();
        for (PricedLine l : lines) {
            if (l.reserved()) {
                priceViolation(l, terms);
            } else if (l.adjustment()) {
                l.exact(rateAmount(l, l.pricing()));
            } else {
                groups.computeIfAbsent(l.tariffGroup(), k -> new ArrayList<>()).add(l);
            }
        }
        Map<TariffGroup, TariffApplication> applications = new HashMap<>();
        for (Map.Entry<TariffGroup, List<PricedLine>> g : groups.entrySet()) {
            List<PricedLine> members = g.getValue();
            TariffApplication app = priceGroup(g.getKey().platformId(), members.get(0).pricing(), members, terms, errors);
            if (app != null) {
                applications.put(g.getKey(), app);
            }
        }
        return applications;
    }

    private static BigDecimal rateAmount(PricedLine l, PricedTariff tariff) {
        BigDecimal perUnit = tariff.perUnit(l.row().usageType(), l.row().unitKind());
        return perUnit == null ? BigDecimal.ZERO : perUnit.multiply(l.row().attributedUnits());
    }

    private static void priceViolation(PricedLine l, PricingTerms terms) {
        PricedTariff source = l.pricing();
        if (source.perUnit(l.row().usageType(), l.row().unitKind()) == null) {
            source = terms.statutory();
        }
        l.pricedWith(source.id());
        l.exact(rateAmount(l, source).multiply(terms.penaltyMultiplier()));
    }

    private TariffApplication priceGroup(String platformId, PricedTariff pricing, List<PricedLine> lines, PricingTerms terms, List<CloseError> errors) {
        Tariff t = pricing.tariff();
        int n = lines.size();
        int workingScale = currency.scale() + WORKING_DECIMALS;
        BigDecimal[] base = new BigDecimal[n];
        BigDecimal[] attributed = new BigDecimal[n];
        BigDecimal attributedTotal = BigDecimal.ZERO;
        Map<String, List<Integer>> byWork = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PricedLine l = lines.get(i);
            attributed[i] = l.row().attributedUnits();
            base[i] = rateAmount(l, pricing);
            attributedTotal = attributedTotal.add(attributed[i]);
            byWork.computeIfAbsent(l.row().workId(), k -> new ArrayList<>()).add(i);
        }
        BigDecimal revenueDeclared = null;
        BigDecimal pool = null;
        if (t.revenueShare() != null) {
            revenueDeclared = terms.revenue().get(platformId);
            if (revenueDeclared == null) {
                errors.add(new CloseError("REVENUE_NOT_DECLARED", "platform " + platformId,
                        "tariff " + t.id() + " has a revenue share, but platform " + platformId + " declared no revenue for the period"));
                return null;
            }
            pool = new BasisPoints(t.revenueShare().basisPoints()).of(revenueDeclared);
            Map<UnitKind, BigDecimal> weights = t.revenueShare().unitKindWeights() == null ? Map.of() : t.revenueShare().unitKindWeights();
            BigDecimal[] w = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                w[i] = attributed[i].multiply(weights.getOrDefault(lines.get(i).row().unitKind(), BigDecimal.ONE));
            }
            add(base, LargestRemainder.split(pool, w, workingScale));
        }
        BigDecimal fee = null;
        if (t.trainingFee() != null) {
            fee = t.trainingFee().amount();
            BigDecimal[] equal = new BigDecimal[byWork.size()];
            Arrays.fill(equal, BigDecimal.ONE);
            BigDecimal[] perWork = LargestRemainder.split(fee, equal, workingScale);
            List<String> works = new ArrayList<>(byWork.keySet());
            works.sort(null);
            int j = 0;
            for (String work : works) {
                List<Integer> members = byWork.get(work);
                BigDecimal[] w = new BigDecimal[members.size()];
                for (int k = 0; k < w.length; k++) {
                    w[k] = attributed[members.get(k)];
                }
                BigDecimal[] parts = LargestRemainder.split(perWork[j++], w, workingScale);
                for (int k = 0; k < w.length; k++) {
                    int i = members.get(k);
                    base[i] = base[i].add(parts[k]);
                }
            }
        }
        boolean minimumApplied = false;
        BigDecimal minimum = null;
        if (t.minimumFee() != null) {
            minimum = t.minimumFee().amount();
            BigDecimal computed = BigDecimal.ZERO;
            for (BigDecimal b : base) {
                computed = computed.add(b);
            }
            if (computed.compareTo(minimum) < 0) {
                minimumApplied = true;
                BigDecimal[] weights = computed.signum() > 0 ? base.clone() : attributed;
                add(base, LargestRemainder.split(minimum.subtract(computed), weights, workingScale));
            }
        }
        for (int i = 0; i < n; i++) {
            lines.get(i).exact(base[i]);
        }
        return new TariffApplication(platformId, t.id(), pricing.statutory(), n, byWork.size(), normal(attributedTotal),
                normal(revenueDeclared), normal(pool), normal(fee), normal(minimum), minimumApplied);
    }

    private static void add(BigDecimal[] into, BigDecimal[] parts) {
        for (int i = 0; i < into.length; i++) {
            into[i] = into[i].add(parts[i]);
        }
    }

    /** Without trailing zeros and never in exponent form: 300000.0000 -> 300000, 1.50 -> 1.5. */
    public static BigDecimal normal(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
