package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.claim.ClaimAdjustment;
import io.fairshare.settlement.domain.outcome.CloseError;
import io.fairshare.settlement.domain.statement.StatementLine;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.pricing.PricedLine;
import io.fairshare.settlement.domain.pricing.Pricing;
import io.fairshare.settlement.domain.pricing.PricingTerms;
import io.fairshare.settlement.domain.pricing.TariffGroup;
import io.fairshare.settlement.domain.statement.StatementIssuer;
import io.fairshare.settlement.domain.statement.StatementRounding;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TariffApplication;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.domain.usage.UsageRow;
import io.fairshare.contracts.money.LargestRemainder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The close of a period: a pure function from usage rows, tariffs and revenue declarations to issued
 * statements. No clock, no I/O; the same input in any order gives the same statements, byte for byte.
 *
 * <h2>Pricing, exact</h2>
 * Every row becomes one line with {@code a} = attributed units (units x attribution weight x share).
 * <ul>
 *   <li>Current-period lines that are not RESERVED are priced in <em>tariff groups</em>
 *       {@code (platform, pricing tariff)}; the pricing tariff is the line's tariff for LICENSED, the
 *       statutory tariff for UNLICENSED, and for UNCLAIMED the line's tariff if it has one, else the
 *       statutory tariff. Within a group:
 *     <ol>
 *       <li>per-unit rate: {@code a x amount / per} for the line's usage type and unit kind (no rate: 0);</li>
 *       <li>revenue pool {@code P = revenue x bp / 10000}: split over the lines pro rata to
 *           {@code w = a x unit-kind weight};</li>
 *       <li>training fee {@code F}: split equally over the {@code N} distinct works (in work-id order),
 *           each work's part split over its lines pro rata to {@code a};</li>
 *       <li>minimum fee {@code M}: if the sum {@code A} of the above is below {@code M}, the shortfall
 *           {@code M - A} is split over the lines pro rata to their amounts from 1-3, or pro rata to
 *           {@code a} when {@code A = 0}.</li>
 *     </ol></li>
 *   <li>Adjustments (rows of an earlier, closed period) are priced with the per-unit rate of their
 *       pricing tariff only: the pool, training fee and minimum fee of a closed period were settled
 *       in full at its close and are not reopened.</li>
 *   <li>RESERVED lines (violations): {@code a x rate x penalty multiplier}, where the rate is the
 *       line's tariff's rate for the usage type and unit kind if it has one, else the statutory rate.</li>
 * </ul>
 * Per-unit amounts are exact decimals ({@code per} is a product of 2s and 5s). A pool, fee or
 * shortfall share is rarely a terminating decimal, so each whole is split with
 * {@link LargestRemainder#split} at {@value Pricing#WORKING_DECIMALS} decimal places below the minor unit:
 * every part is within 10^-{@value Pricing#WORKING_DECIMALS} of a minor unit of its exact share and the parts
 * add up to the whole exactly. All sums are exact.
 *
 * <h2>Who receives it</h2>
 * UNCLAIMED lines go to the platform's UNCLAIMED holdback; disputed lines to its disputed holdback
 * (shown, as held, on the payee's statement); every other line to its payee: the society, or the party
 * when it has no society.
 *
 * <h2>Rounding (once)</h2>
 * Lines are grouped by {@code (platform, receiver)}, the receiver being a payee or a holdback. The
 * group's exact total is rounded to the minor unit with the configured mode (HALF_UP by default), and
 * that total is spread over the group's lines by {@link LargestRemainder#round}, ties going to the line
 * that sorts first ({@link UsageRow#KEY_ORDER}). Every other figure (section totals, statement totals,
 * per-platform and per-payee amounts) is a sum of rounded lines, so statements tie out to the unit.
 *
 * <h2>Where each rule lives</h2>
 * Terms: {@link PricingTerms}; merging rows into lines: {@link RowMerge}; the tariff rule:
 * {@link Pricing}; rounding: {@link StatementRounding}; issuing: {@link StatementIssuer}. This class
 * runs them in order and stops at the first step that reports errors.
 *
 * <p>Cost: linear in the number of rows plus sorting them; independent of how many events the rows
 * aggregate.
 */
public final class StatementCalculator {
    /** Decimal places below the currency's minor unit at which pool, fee and shortfall shares are split. */
    public static final int WORKING_DECIMALS = Pricing.WORKING_DECIMALS;
    /** A rejected close reports at most this many errors (in sorted order), then one {@code TOO_MANY_ERRORS}. */
    public static final int MAX_ERRORS = 100;

    private final SettlementConfig config;
    private final RowMerge merge;
    private final Pricing pricing;
    private final StatementRounding rounding;
    private final StatementIssuer issuer;

    public StatementCalculator(SettlementConfig config) {
        this.config = config;
        this.merge = new RowMerge(config.calendar());
        this.pricing = new Pricing(config.currency());
        this.rounding = new StatementRounding(config.currency().scale(), config.totalRounding());
        this.issuer = new StatementIssuer(config.currency(), config.totalRounding());
    }

    public SettlementConfig config() {
        return config;
    }

    /** Aggregates single events (see {@link UsageAggregator}) and closes with the rows. */
    public CloseResult closeEvents(Period period, Collection<ResolvedUsage> events, Map<String, Tariff> tariffs,
                                   StatutoryScheme statutory, List<RevenueDeclaration> revenueDeclarations) {
        UsageAggregator.Aggregation aggregation = UsageAggregator.aggregate(events, config.calendar());
        if (!aggregation.isValid()) {
            return new CloseResult.Rejected(aggregation.errors());
        }
        return close(new CloseInput(period, aggregation.rows(), tariffs, statutory, revenueDeclarations));
    }

    public CloseResult close(CloseInput input) {
        List<CloseError> errors = new ArrayList<>();
        Period period = input.period();
        if (period == null || !config.calendar().parse(period.id()).equals(Optional.of(period))) {
            errors.add(new CloseError("PERIOD_NOT_IN_CALENDAR", "period", "the period is not one of the configured calendar's periods"));
            return new CloseResult.Rejected(errors);
        }
        PricingTerms terms = PricingTerms.check(input.tariffs(), input.statutory(), input.revenueDeclarations(), config.currency(), errors);
        List<PricedLine> lines = merge.lines(input.rows(), period, terms, errors);
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        Map<TariffGroup, TariffApplication> applications = pricing.price(lines, terms, errors);
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        List<StatementLine> claimLines = claimLines(input.claims(), period, errors);
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        rounding.round(lines);
        return new CloseResult.Issued(issuer.issue(period, lines, applications, claimLines));
    }

    /** Accepted claims as adjustment lines, in claim-id order; a claim of this or a later period, or in another currency, is an error. */
    private List<StatementLine> claimLines(List<ClaimAdjustment> claims, Period period, List<CloseError> errors) {
        List<ClaimAdjustment> sorted = new ArrayList<>(claims);
        sorted.sort(ClaimAdjustment.ORDER);
        List<StatementLine> out = new ArrayList<>();
        for (ClaimAdjustment c : sorted) {
            Optional<Period> of = config.calendar().parse(c.claimPeriod());
            if (of.isEmpty() || !of.get().isBefore(period)) {
                errors.add(new CloseError("CLAIM_NOT_OF_EARLIER_PERIOD", "claim " + c.claimId(),
                        "a claim of " + c.claimPeriod() + " is settled only by the close of a later period than " + period.id()));
            } else if (!config.currency().code().equals(c.currency())) {
                errors.add(new CloseError("CLAIM_CURRENCY", "claim " + c.claimId(),
                        "the claim is in " + c.currency() + ", the close in " + config.currency().code()));
            } else {
                out.addAll(c.lines(config.currency()));
            }
        }
        return out;
    }

    private static CloseResult.Rejected rejected(List<CloseError> errors) {
        errors.sort(null);
        if (errors.size() <= MAX_ERRORS) {
            return new CloseResult.Rejected(errors);
        }
        List<CloseError> first = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        first.add(new CloseError("TOO_MANY_ERRORS", "close", (errors.size() - MAX_ERRORS) + " more errors are not listed"));
        return new CloseResult.Rejected(first);
    }
}
