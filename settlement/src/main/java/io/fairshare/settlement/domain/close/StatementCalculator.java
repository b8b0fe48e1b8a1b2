package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.statement.Payee;
import io.fairshare.settlement.domain.statement.PayeeAmount;
import io.fairshare.settlement.domain.statement.PayeeKind;
import io.fairshare.settlement.domain.statement.PlatformAmount;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import io.fairshare.settlement.domain.tariff.BasisPoints;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TariffApplication;
import io.fairshare.settlement.domain.tariff.TariffValidator;
import io.fairshare.settlement.domain.tariff.UnitRate;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.domain.usage.UsageRow;

import io.fairshare.contracts.errors.FieldError;

import io.fairshare.contracts.money.LargestRemainder;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * {@link LargestRemainder#split} at {@value #WORKING_DECIMALS} decimal places below the minor unit:
 * every part is within 10^-{@value #WORKING_DECIMALS} of a minor unit of its exact share and the parts
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
 * <p>Cost: linear in the number of rows plus sorting them; independent of how many events the rows
 * aggregate.
 */
public final class StatementCalculator {
    /** Decimal places below the currency's minor unit at which pool, fee and shortfall shares are split. */
    public static final int WORKING_DECIMALS = 20;
    /** A rejected close reports at most this many errors (in sorted order), then one {@code TOO_MANY_ERRORS}. */
    public static final int MAX_ERRORS = 100;

    private final SettlementConfig config;

    public StatementCalculator(SettlementConfig config) {
        this.config = config;
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
        Terms terms = checkTerms(input, errors);
        List<Line> lines = mergeRows(input.rows(), period, terms, errors);
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        Map<TariffGroup, TariffApplication> applications = price(lines, terms, errors);
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        round(lines);
        return new CloseResult.Issued(issue(period, lines, applications));
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

    // ---------------------------------------------------------------- terms: tariffs, statutory, revenue

    /** Validated tariffs with their rate tables, the statutory scheme and the revenue declarations. */
    private record Terms(Map<String, Priced> tariffs, Priced statutory, BigDecimal penaltyMultiplier, Map<String, BigDecimal> revenue) {
    }

    /** A tariff with its per-unit prices looked up once. */
    private record Priced(Tariff tariff, boolean statutory, BigDecimal[][] perUnit) {
        static Priced of(Tariff tariff, boolean statutory) {
            BigDecimal[][] table = new BigDecimal[UsageType.values().length][UnitKind.values().length];
            for (UnitRate r : tariff.unitRates()) {
                table[r.usageType().ordinal()][r.unitKind().ordinal()] = r.perUnit();
            }
            return new Priced(tariff, statutory, table);
        }

        BigDecimal perUnit(UsageType type, UnitKind kind) {
            return perUnit[type.ordinal()][kind.ordinal()];
        }

        String id() {
            return tariff.id();
        }
    }

    private Terms checkTerms(CloseInput input, List<CloseError> errors) {
        String currency = config.currency().code();
        Priced statutory = null;
        BigDecimal multiplier = null;
        List<FieldError> statutoryErrors = TariffValidator.validate(input.statutory());
        if (!statutoryErrors.isEmpty()) {
            errors.add(new CloseError("STATUTORY_INVALID", "statutory scheme", describe(statutoryErrors)));
        } else if (!input.statutory().tariff().currency().equals(currency)) {
            errors.add(new CloseError("CURRENCY_MISMATCH", "statutory tariff " + input.statutory().tariff().id(),
                    "the statutory tariff is in " + input.statutory().tariff().currency() + ", the close in " + currency));
        } else {
            statutory = Priced.of(input.statutory().tariff(), true);
            multiplier = input.statutory().reservedPenaltyMultiplier();
        }
        Map<String, Priced> tariffs = new HashMap<>();
        for (Map.Entry<String, Tariff> e : input.tariffs().entrySet()) {
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
                tariffs.put(t.id(), Priced.of(t, false));
            }
        }
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (RevenueDeclaration d : input.revenueDeclarations()) {
            String subject = "revenue declaration " + (d == null ? "null" : d.platformId());
            if (d == null || UsageAggregator.isBlank(d.platformId()) || d.amount() == null) {
                errors.add(new CloseError("REVENUE_DECLARATION_INVALID", subject, "a declaration needs a platformId and an amount"));
            } else if (d.amount().signum() < 0 || Money.ofExact(d.amount(), config.currency()).isEmpty()) {
                errors.add(new CloseError("REVENUE_DECLARATION_INVALID", subject,
                        "declared revenue must be a non-negative " + currency + " amount with at most " + config.currency().scale() + " decimal places"));
            } else if (revenue.putIfAbsent(d.platformId(), d.amount()) != null) {
                errors.add(new CloseError("REVENUE_DECLARATION_INVALID", subject, "more than one declaration for the platform"));
            }
        }
        return new Terms(tariffs, statutory, multiplier, revenue);
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

    // ---------------------------------------------------------------- lines

    /** Receives a line's money: a payee, or one of the platform's two holdbacks. */
    private enum ReceiverKind { SOCIETY, PARTY, UNCLAIMED, DISPUTED }

    private record Receiver(ReceiverKind kind, String id) {
        Payee payee() {
            return new Payee(kind == ReceiverKind.SOCIETY ? PayeeKind.SOCIETY : PayeeKind.PARTY, id);
        }
    }

    private static final class Line {
        final UsageRow row;
        final boolean adjustment;
        final Priced pricing;
        final Receiver receiver;
        BigDecimal exact = BigDecimal.ZERO;
        String pricedWith;
        long minor;

        Line(UsageRow row, boolean adjustment, Priced pricing, Receiver receiver) {
            this.row = row;
            this.adjustment = adjustment;
            this.pricing = pricing;
            this.receiver = receiver;
            this.pricedWith = pricing.id();
        }

        boolean reserved() {
            return row.status() == LineStatus.RESERVED;
        }

        TariffGroup tariffGroup() {
            return new TariffGroup(row.platformId(), pricing.id());
        }
    }

    private List<Line> mergeRows(List<UsageRow> rows, Period period, Terms terms, List<CloseError> errors) {
        Map<UsageRow, UsageRow> merged = new HashMap<>(rows.size() * 2);
        Map<String, Period> periods = new HashMap<>();
        for (UsageRow row : rows) {
            if (row == null) {
                errors.add(new CloseError("ROW_INVALID", "row null", "a usage row is null"));
                continue;
            }
            String subject = subject(row);
            int before = errors.size();
            if (UsageAggregator.isBlank(row.platformId()) || UsageAggregator.isBlank(row.workId())) {
                errors.add(new CloseError("ROW_INVALID", subject, "platformId and workId are required"));
            }
            if (row.usageType() == null || row.unitKind() == null) {
                errors.add(new CloseError("ROW_INVALID", subject, "usageType and unitKind are required"));
            }
            errors.addAll(UsageAggregator.validateLine(subject, row.status(), row.partyId(), row.tariffId(), BasisPoints.WHOLE));
            if (row.events() < 1 || row.units() < 1 || row.attributedUnits() == null || row.attributedUnits().signum() <= 0) {
                errors.add(new CloseError("ROW_INVALID", subject, "events, units and attributedUnits must be positive"));
            }
            Period usage = periods.computeIfAbsent(String.valueOf(row.usagePeriod()), id -> config.calendar().parse(id).orElse(null));
            if (usage == null) {
                errors.add(new CloseError("ROW_INVALID", subject, "usagePeriod " + row.usagePeriod() + " is not a period id of the calendar"));
            } else if (period.isBefore(usage)) {
                errors.add(new CloseError("ROW_FROM_LATER_PERIOD", subject,
                        "usage of " + usage.id() + " cannot be settled in the close of the earlier period " + period.id()));
            }
            if (errors.size() == before) {
                merged.merge(row.key(), row, UsageRow::plus);
            }
        }
        List<UsageRow> sorted = new ArrayList<>(merged.values());
        sorted.sort(UsageRow.KEY_ORDER);
        List<Line> lines = new ArrayList<>(sorted.size());
        Set<String> reported = new HashSet<>();
        for (UsageRow row : sorted) {
            Priced pricing = pricingTariff(row, terms, errors, reported);
            if (pricing != null) {
                lines.add(new Line(row, !row.usagePeriod().equals(period.id()), pricing, receiver(row)));
            }
        }
        return lines;
    }

    /** What an error about a row names: platform, period, work and party. */
    private static String subject(UsageRow row) {
        return "row " + row.platformId() + "/" + row.usagePeriod() + "/" + row.workId() + "/" + row.partyId();
    }

    /** The tariff that prices a line (for RESERVED: the tariff whose rate is looked up first). */
    private static Priced pricingTariff(UsageRow row, Terms terms, List<CloseError> errors, Set<String> reported) {
        boolean ownTariff = row.status() == LineStatus.LICENSED
                || ((row.status() == LineStatus.UNCLAIMED || row.status() == LineStatus.RESERVED) && row.tariffId() != null);
        if (!ownTariff) {
            return terms.statutory();
        }
        Priced p = terms.tariffs().get(row.tariffId());
        if (p == null && reported.add(row.platformId() + '\u0000' + row.tariffId())) {
            errors.add(new CloseError("TARIFF_UNKNOWN", "tariff " + row.tariffId(),
                    "usage of platform " + row.platformId() + " refers to tariff " + row.tariffId() + ", which was not supplied or is invalid"));
        }
        return p;
    }

    private static Receiver receiver(UsageRow row) {
        if (row.status() == LineStatus.UNCLAIMED) {
            return new Receiver(ReceiverKind.UNCLAIMED, "UNCLAIMED");
        }
        if (row.disputed()) {
            return new Receiver(ReceiverKind.DISPUTED, "DISPUTED");
        }
        return row.societyId() != null ? new Receiver(ReceiverKind.SOCIETY, row.societyId()) : new Receiver(ReceiverKind.PARTY, row.partyId());
    }

    // ---------------------------------------------------------------- pricing

    /** A tariff group: one platform's current-period lines priced with one tariff. */
    private record TariffGroup(String platformId, String tariffId) implements Comparable<TariffGroup> {
        @Override
        public int compareTo(TariffGroup o) {
            int c = platformId.compareTo(o.platformId);
            return c != 0 ? c : tariffId.compareTo(o.tariffId);
        }
    }

    private Map<TariffGroup, TariffApplication> price(List<Line> lines, Terms terms, List<CloseError> errors) {
        Map<TariffGroup, List<Line>> groups = new HashMap<>();
        for (Line l : lines) {
            if (l.reserved()) {
                priceViolation(l, terms);
            } else if (l.adjustment) {
                l.exact = rateAmount(l, l.pricing);
            } else {
                groups.computeIfAbsent(l.tariffGroup(), k -> new ArrayList<>()).add(l);
            }
        }
        Map<TariffGroup, TariffApplication> applications = new HashMap<>();
        for (Map.Entry<TariffGroup, List<Line>> g : groups.entrySet()) {
            List<Line> members = g.getValue();
            TariffApplication app = priceGroup(g.getKey().platformId(), members.get(0).pricing, members, terms, errors);
            if (app != null) {
                applications.put(g.getKey(), app);
            }
        }
        return applications;
    }

    private static BigDecimal rateAmount(Line l, Priced tariff) {
        BigDecimal perUnit = tariff.perUnit(l.row.usageType(), l.row.unitKind());
        return perUnit == null ? BigDecimal.ZERO : perUnit.multiply(l.row.attributedUnits());
    }

    private static void priceViolation(Line l, Terms terms) {
        Priced source = l.pricing;
        if (source.perUnit(l.row.usageType(), l.row.unitKind()) == null) {
            source = terms.statutory();
        }
        l.pricedWith = source.id();
        l.exact = rateAmount(l, source).multiply(terms.penaltyMultiplier());
    }

    private TariffApplication priceGroup(String platformId, Priced pricing, List<Line> lines, Terms terms, List<CloseError> errors) {
        Tariff t = pricing.tariff();
        int n = lines.size();
        int workingScale = config.currency().scale() + WORKING_DECIMALS;
        BigDecimal[] base = new BigDecimal[n];
        BigDecimal[] attributed = new BigDecimal[n];
        BigDecimal attributedTotal = BigDecimal.ZERO;
        Map<String, List<Integer>> byWork = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            attributed[i] = l.row.attributedUnits();
            base[i] = rateAmount(l, pricing);
            attributedTotal = attributedTotal.add(attributed[i]);
            byWork.computeIfAbsent(l.row.workId(), k -> new ArrayList<>()).add(i);
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
                w[i] = attributed[i].multiply(weights.getOrDefault(lines.get(i).row.unitKind(), BigDecimal.ONE));
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
            lines.get(i).exact = base[i];
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
    private static BigDecimal normal(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---------------------------------------------------------------- rounding

    /** The lines of one platform to one receiver: rounded together. */
    private record RoundingGroup(String platformId, Receiver receiver) {
    }

    private void round(List<Line> lines) {
        Map<RoundingGroup, List<Line>> groups = new HashMap<>();
        for (Line l : lines) {
            // Lines arrive in KEY_ORDER, so every group's list is in KEY_ORDER too: the tie-break order.
            groups.computeIfAbsent(new RoundingGroup(l.row.platformId(), l.receiver), k -> new ArrayList<>()).add(l);
        }
        int scale = config.currency().scale();
        for (List<Line> group : groups.values()) {
            List<BigDecimal> exact = new ArrayList<>(group.size());
            BigDecimal total = BigDecimal.ZERO;
            for (Line l : group) {
                exact.add(l.exact);
                total = total.add(l.exact);
            }
            long rounded = total.setScale(scale, config.totalRounding()).unscaledValue().longValueExact();
            long[] parts = LargestRemainder.round(exact, rounded, scale);
            for (int i = 0; i < parts.length; i++) {
                group.get(i).minor = parts[i];
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private static final class PayeeSheet {
        final List<StatementLine> lines = new ArrayList<>();
        final List<StatementLine> adjustments = new ArrayList<>();
        final List<StatementLine> violations = new ArrayList<>();
        final List<StatementLine> held = new ArrayList<>();
        final Map<String, Long> byPlatform = new HashMap<>();
        final Set<TariffGroup> applications = new HashSet<>();
    }

    private static final class PlatformSheet {
        final Map<Payee, long[]> owed = new HashMap<>();
        final List<StatementLine> unclaimed = new ArrayList<>();
        final List<StatementLine> disputed = new ArrayList<>();
        final Set<TariffGroup> applications = new HashSet<>();
        long unlicensed;
        long violations;
    }

    private IssuedStatements issue(Period period, List<Line> lines, Map<TariffGroup, TariffApplication> applications) {
        CurrencyUnit currency = config.currency();
        Map<Payee, PayeeSheet> payees = new HashMap<>();
        Map<String, PlatformSheet> platforms = new HashMap<>();
        for (Line l : lines) {
            UsageRow r = l.row;
            StatementLine sl = new StatementLine(r.platformId(), r.societyId(), r.partyId(), r.workId(), r.workCategory(),
                    r.usageType(), r.unitKind(), r.status(), r.tariffId(), l.pricedWith, r.disputed(), r.backClaim(),
                    l.adjustment ? r.usagePeriod() : null, r.events(), r.units(), normal(r.attributedUnits()),
                    Money.ofMinor(l.minor, currency));
            PlatformSheet ps = platforms.computeIfAbsent(r.platformId(), k -> new PlatformSheet());
            boolean inGroup = !l.adjustment && !l.reserved();
            TariffGroup appKey = inGroup ? l.tariffGroup() : null;
            if (inGroup) {
                ps.applications.add(appKey);
            }
            switch (l.receiver.kind()) {
                case UNCLAIMED -> ps.unclaimed.add(sl);
                case DISPUTED -> {
                    ps.disputed.add(sl);
                    PayeeSheet sheet = payees.computeIfAbsent(payeeOf(r), k -> new PayeeSheet());
                    sheet.held.add(sl);
                    if (inGroup) {
                        sheet.applications.add(appKey);
                    }
                }
                case SOCIETY, PARTY -> {
                    Payee payee = l.receiver.payee();
                    PayeeSheet sheet = payees.computeIfAbsent(payee, k -> new PayeeSheet());
                    long[] owed = ps.owed.computeIfAbsent(payee, k -> new long[3]);
                    if (l.reserved()) {
                        sheet.violations.add(sl);
                        owed[2] = Math.addExact(owed[2], l.minor);
                        ps.violations = Math.addExact(ps.violations, l.minor);
                    } else if (l.adjustment) {
                        sheet.adjustments.add(sl);
                        owed[1] = Math.addExact(owed[1], l.minor);
                    } else {
                        sheet.lines.add(sl);
                        owed[0] = Math.addExact(owed[0], l.minor);
                        sheet.applications.add(appKey);
                    }
                    if (r.status() == LineStatus.UNLICENSED && !l.adjustment) {
                        ps.unlicensed = Math.addExact(ps.unlicensed, l.minor);
                    }
                    sheet.byPlatform.merge(r.platformId(), l.minor, Math::addExact);
                }
            }
        }
        List<SocietyStatement> societyStatements = new ArrayList<>(payees.size());
        for (Map.Entry<Payee, PayeeSheet> e : new TreeMap<>(payees).entrySet()) {
            societyStatements.add(societyStatement(period, e.getKey(), e.getValue(), applications));
        }
        List<PlatformStatement> platformStatements = new ArrayList<>(platforms.size());
        for (Map.Entry<String, PlatformSheet> e : new TreeMap<>(platforms).entrySet()) {
            platformStatements.add(platformStatement(period, e.getKey(), e.getValue(), applications));
        }
        return new IssuedStatements(period, societyStatements, platformStatements);
    }

    private static Payee payeeOf(UsageRow r) {
        return r.societyId() != null ? new Payee(PayeeKind.SOCIETY, r.societyId()) : new Payee(PayeeKind.PARTY, r.partyId());
    }

    private SocietyStatement societyStatement(Period period, Payee payee, PayeeSheet s, Map<TariffGroup, TariffApplication> applications) {
        CurrencyUnit c = config.currency();
        Money lines = sum(s.lines);
        Money unlicensed = Money.zero(c);
        for (StatementLine l : s.lines) {
            if (l.isUnlicensed()) {
                unlicensed = unlicensed.plus(l.amount());
            }
        }
        Money adjustments = sum(s.adjustments);
        Money violations = sum(s.violations);
        Money total = lines.plus(adjustments).plus(violations);
        List<PlatformAmount> byPlatform = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(s.byPlatform).entrySet()) {
            byPlatform.add(new PlatformAmount(e.getKey(), Money.ofMinor(e.getValue(), c)));
        }
        String id = period.id() + "/" + payee.kind().name().toLowerCase(Locale.ROOT) + "/" + payee.id();
        return new SocietyStatement(id, period, payee, c, config.totalRounding(), s.lines, s.adjustments, s.violations, s.held,
                byPlatform, pick(applications, s.applications),
                new SocietyStatement.Totals(lines, unlicensed, adjustments, violations, total, sum(s.held)));
    }

    private PlatformStatement platformStatement(Period period, String platformId, PlatformSheet s, Map<TariffGroup, TariffApplication> applications) {
        CurrencyUnit c = config.currency();
        List<PayeeAmount> owed = new ArrayList<>();
        long owedTotal = 0;
        for (Map.Entry<Payee, long[]> e : new TreeMap<>(s.owed).entrySet()) {
            long[] v = e.getValue();
            long total = Math.addExact(Math.addExact(v[0], v[1]), v[2]);
            owedTotal = Math.addExact(owedTotal, total);
            owed.add(new PayeeAmount(e.getKey(), Money.ofMinor(v[0], c), Money.ofMinor(v[1], c), Money.ofMinor(v[2], c), Money.ofMinor(total, c)));
        }
        Money owedMoney = Money.ofMinor(owedTotal, c);
        Money unclaimed = sum(s.unclaimed);
        Money disputed = sum(s.disputed);
        return new PlatformStatement(period.id() + "/platform/" + platformId, period, platformId, c, config.totalRounding(),
                owed, s.unclaimed, s.disputed, pick(applications, s.applications),
                new PlatformStatement.Totals(owedMoney, unclaimed, disputed, owedMoney.plus(unclaimed).plus(disputed),
                        Money.ofMinor(s.unlicensed, c), Money.ofMinor(s.violations, c)));
    }

    private static List<TariffApplication> pick(Map<TariffGroup, TariffApplication> applications, Set<TariffGroup> keys) {
        List<TariffGroup> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        List<TariffApplication> out = new ArrayList<>(sorted.size());
        for (TariffGroup k : sorted) {
            TariffApplication a = applications.get(k);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private Money sum(List<StatementLine> lines) {
        long total = 0;
        for (StatementLine l : lines) {
            total = Math.addExact(total, l.amount().minor());
        }
        return Money.ofMinor(total, config.currency());
    }
}
