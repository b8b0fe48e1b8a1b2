package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.outcome.CloseError;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.statement.PayeeAmount;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.UnitRate;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Building blocks for settlement tests. Periods are monthly in Asia/Seoul (UTC+9). */
public final class Fixtures {
    public static final SettlementConfig KRW_CONFIG = SettlementConfig.defaults();
    public static final PeriodCalendar CALENDAR = PeriodCalendar.defaults();
    public static final Period OCT = CALENDAR.parse("2026-10").orElseThrow();
    public static final Period NOV = CALENDAR.parse("2026-11").orElseThrow();
    /** 2026-11-15 12:00 in Seoul. */
    public static final Instant MID_NOV = Instant.parse("2026-11-15T03:00:00Z");
    /** 2026-10-15 12:00 in Seoul. */
    public static final Instant MID_OCT = Instant.parse("2026-10-15T03:00:00Z");
    public static final String STATUTORY_ID = "STATUTORY-2026";

    private Fixtures() {
    }

    /** Statutory: KRW 2 per 1,000 units of every usage type and unit kind; reserved usage at 3x. */
    public static StatutoryScheme statutory() {
        return statutory("KRW", new BigDecimal("2"), 1000, new BigDecimal("3"));
    }

    public static StatutoryScheme statutory(String currency, BigDecimal amount, long per, BigDecimal multiplier) {
        List<UnitRate> rates = new ArrayList<>();
        for (UsageType t : UsageType.values()) {
            for (UnitKind k : UnitKind.values()) {
                rates.add(new UnitRate(t, k, amount, per));
            }
        }
        return new StatutoryScheme(new Tariff(STATUTORY_ID, currency, rates, null, null, null), multiplier);
    }

    public static Tariff rates(String id, UnitRate... rates) {
        return new Tariff(id, "KRW", Arrays.asList(rates), null, null, null);
    }

    public static UnitRate rate(UsageType type, UnitKind kind, String amount, long per) {
        return new UnitRate(type, kind, new BigDecimal(amount), per);
    }

    public static Map<String, Tariff> tariffs(Tariff... tariffs) {
        Map<String, Tariff> m = new HashMap<>();
        for (Tariff t : tariffs) {
            m.put(t.id(), t);
        }
        return m;
    }

    public static ResolvedLine licensed(String party, String society, int bp, String tariffId) {
        return new ResolvedLine(party, society, bp, LineStatus.LICENSED, tariffId, false);
    }

    public static ResolvedLine line(String party, String society, int bp, LineStatus status, String tariffId, boolean disputed) {
        return new ResolvedLine(party, society, bp, status, tariffId, disputed);
    }

    public static ResolvedUsage event(String platform, String eventId, String work, UsageType type, long units, UnitKind kind,
                               Instant usedAt, ResolvedLine... lines) {
        return event(platform, eventId, work, type, units, kind, usedAt, null, lines);
    }

    public static ResolvedUsage event(String platform, String eventId, String work, UsageType type, long units, UnitKind kind,
                               Instant usedAt, BigDecimal weight, ResolvedLine... lines) {
        return new ResolvedUsage(platform, eventId, "model-x", "1", type, units, kind, usedAt, "KR", weight, work, "TEXT", false,
                Arrays.asList(lines));
    }

    public static IssuedStatements issued(CloseResult result) {
        if (result instanceof CloseResult.Issued i) {
            return i.statements();
        }
        throw new AssertionError("close was rejected: " + ((CloseResult.Rejected) result).errors());
    }

    public static List<CloseError> rejected(CloseResult result) {
        if (result instanceof CloseResult.Rejected r) {
            return r.errors();
        }
        throw new AssertionError("close was issued, a rejection was expected");
    }

    public static SocietyStatement society(IssuedStatements s, String societyId) {
        return s.societyStatements().stream().filter(x -> x.payee().equals(new Payee(PayeeKind.SOCIETY, societyId))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement for society " + societyId));
    }

    public static PlatformStatement platform(IssuedStatements s, String platformId) {
        return s.platformStatements().stream().filter(x -> x.platformId().equals(platformId)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement for platform " + platformId));
    }

    public static PayeeAmount owed(PlatformStatement p, String societyId) {
        return p.owed().stream().filter(x -> x.payee().equals(new Payee(PayeeKind.SOCIETY, societyId))).findFirst()
                .orElseThrow(() -> new AssertionError("platform " + p.platformId() + " owes nothing to " + societyId));
    }

    /** The amounts of a list of lines, in minor units, in statement order. */
    public static List<Long> amounts(List<StatementLine> lines) {
        return lines.stream().map(l -> l.amount().minor()).toList();
    }

    public static Money krw(long won) {
        return Money.ofMinor(won, CurrencyUnit.KRW);
    }
}
