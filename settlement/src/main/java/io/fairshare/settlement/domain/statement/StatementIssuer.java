package io.fairshare.settlement.domain.statement;

import io.fairshare.settlement.domain.payee.PayeeKind;

import io.fairshare.settlement.domain.payee.Payee;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.pricing.PricedLine;
import io.fairshare.settlement.domain.pricing.Pricing;
import io.fairshare.settlement.domain.pricing.TariffGroup;
import io.fairshare.settlement.domain.tariff.TariffApplication;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issuing: the rounded lines of a close become one statement per payee (society, or party paid
 * directly) and one per platform. UNCLAIMED lines go to the platform's UNCLAIMED holdback; disputed
 * lines to its disputed holdback and, as held, on the payee's statement; every other line to its
 * payee. Every total is a sum of rounded lines.
 */
public final class StatementIssuer {
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

    private final CurrencyUnit currency;
    private final RoundingMode totalRounding;

    public StatementIssuer(CurrencyUnit currency, RoundingMode totalRounding) {
        this.currency = currency;
        this.totalRounding = totalRounding;
    }

    public IssuedStatements issue(Period period, List<PricedLine> lines, Map<TariffGroup, TariffApplication> applications) {
        return issue(period, lines, applications, List.of());
    }

    /**
     * Issues {@code lines} and, after each payee's usage adjustments, {@code claimLines} (adjustments of accepted
     * claims, whole minor units, in the order given): on the payee's statement and in what the line's platform owes it.
     */
    public IssuedStatements issue(Period period, List<PricedLine> lines, Map<TariffGroup, TariffApplication> applications,
                                  List<StatementLine> claimLines) {
        Map<Payee, PayeeSheet> payees = new HashMap<>();
        Map<String, PlatformSheet> platforms = new HashMap<>();
        for (PricedLine l : lines) {
            UsageRow r = l.row();
            StatementLine sl = new StatementLine(r.platformId(), r.societyId(), r.partyId(), r.workId(), r.workCategory(),
                    r.usageType(), r.unitKind(), r.status(), r.tariffId(), l.pricedWith(), r.disputed(), r.backClaim(),
                    l.adjustment() ? r.usagePeriod() : null, r.events(), r.units(), Pricing.normal(r.attributedUnits()),
                    Money.ofMinor(l.minor(), currency));
            PlatformSheet ps = platforms.computeIfAbsent(r.platformId(), k -> new PlatformSheet());
            boolean inGroup = !l.adjustment() && !l.reserved();
            TariffGroup appKey = inGroup ? l.tariffGroup() : null;
            if (inGroup) {
                ps.applications.add(appKey);
            }
            switch (l.receiver().kind()) {
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
                    Payee payee = l.receiver().payee();
                    PayeeSheet sheet = payees.computeIfAbsent(payee, k -> new PayeeSheet());
                    long[] owed = ps.owed.computeIfAbsent(payee, k -> new long[3]);
                    if (l.reserved()) {
                        sheet.violations.add(sl);
                        owed[2] = Math.addExact(owed[2], l.minor());
                        ps.violations = Math.addExact(ps.violations, l.minor());
                    } else if (l.adjustment()) {
                        sheet.adjustments.add(sl);
                        owed[1] = Math.addExact(owed[1], l.minor());
                    } else {
                        sheet.lines.add(sl);
                        owed[0] = Math.addExact(owed[0], l.minor());
                        sheet.applications.add(appKey);
                    }
                    if (r.status() == LineStatus.UNLICENSED && !l.adjustment()) {
                        ps.unlicensed = Math.addExact(ps.unlicensed, l.minor());
                    }
                    sheet.byPlatform.merge(r.platformId(), l.minor(), Math::addExact);
                }
            }
        }
        for (StatementLine cl : claimLines) {
            Payee payee = cl.societyId() != null ? new Payee(PayeeKind.SOCIETY, cl.societyId()) : new Payee(PayeeKind.PARTY, cl.partyId());
            PayeeSheet sheet = payees.computeIfAbsent(payee, k -> new PayeeSheet());
            sheet.adjustments.add(cl);
            sheet.byPlatform.merge(cl.platformId(), cl.amount().minor(), Math::addExact);
            long[] owed = platforms.computeIfAbsent(cl.platformId(), k -> new PlatformSheet()).owed.computeIfAbsent(payee, k -> new long[3]);
            owed[1] = Math.addExact(owed[1], cl.amount().minor());
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
        CurrencyUnit c = currency;
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
        return new SocietyStatement(id, period, payee, c, totalRounding, s.lines, s.adjustments, s.violations, s.held,
                byPlatform, pick(applications, s.applications),
                new SocietyStatement.Totals(lines, unlicensed, adjustments, violations, total, sum(s.held)));
    }

    private PlatformStatement platformStatement(Period period, String platformId, PlatformSheet s, Map<TariffGroup, TariffApplication> applications) {
        CurrencyUnit c = currency;
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
        return new PlatformStatement(period.id() + "/platform/" + platformId, period, platformId, c, totalRounding,
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
        return Money.ofMinor(total, currency);
    }
}
