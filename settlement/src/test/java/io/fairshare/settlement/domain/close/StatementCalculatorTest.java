package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.outcome.CloseError;

import io.fairshare.settlement.domain.statement.CanonicalForm;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.statement.PayeeAmount;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.statement.PlatformAmount;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import io.fairshare.settlement.domain.tariff.MinimumFee;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.RevenueShare;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TariffApplication;
import io.fairshare.settlement.domain.tariff.TrainingFee;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageRow;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.money.CurrencyUnit;
import static io.fairshare.contracts.usage.UnitKind.BYTES;
import static io.fairshare.contracts.usage.UnitKind.ITEMS;
import static io.fairshare.contracts.usage.UnitKind.TOKENS;
import static io.fairshare.contracts.usage.UsageType.EVALUATION;
import static io.fairshare.contracts.usage.UsageType.PRE_TRAINING;
import static io.fairshare.contracts.usage.UsageType.RETRIEVAL;
import static io.fairshare.settlement.domain.close.Fixtures.MID_NOV;
import static io.fairshare.settlement.domain.close.Fixtures.MID_OCT;
import static io.fairshare.settlement.domain.close.Fixtures.NOV;
import static io.fairshare.settlement.domain.close.Fixtures.STATUTORY_ID;
import static io.fairshare.settlement.domain.close.Fixtures.amounts;
import static io.fairshare.settlement.domain.close.Fixtures.event;
import static io.fairshare.settlement.domain.close.Fixtures.issued;
import static io.fairshare.settlement.domain.close.Fixtures.krw;
import static io.fairshare.settlement.domain.close.Fixtures.licensed;
import static io.fairshare.settlement.domain.close.Fixtures.line;
import static io.fairshare.settlement.domain.close.Fixtures.owed;
import static io.fairshare.settlement.domain.close.Fixtures.platform;
import static io.fairshare.settlement.domain.close.Fixtures.rate;
import static io.fairshare.settlement.domain.close.Fixtures.rates;
import static io.fairshare.settlement.domain.close.Fixtures.rejected;
import static io.fairshare.settlement.domain.close.Fixtures.society;
import static io.fairshare.settlement.domain.close.Fixtures.statutory;
import static io.fairshare.settlement.domain.close.Fixtures.tariffs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementCalculatorTest {
    private final StatementCalculator calculator = new StatementCalculator(Fixtures.KRW_CONFIG);

    private IssuedStatements close(Map<String, Tariff> tariffs, List<RevenueDeclaration> revenue, ResolvedUsage... events) {
        return issued(calculator.closeEvents(NOV, List.of(events), tariffs, statutory(), revenue));
    }

    @Test
    void perUnitRateAloneIsUnitsTimesRateRoundedOnce() {
        // KRW 1.2 per 1,000 tokens; 1,234,567 tokens x 1.2 / 1000 = 1,481.4804 -> 1,481 (half-up).
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1.2", 1000));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 1_234_567, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-RATE")));

        SocietyStatement s1 = society(s, "S1");
        assertEquals(List.of(1481L), amounts(s1.lines()));
        StatementLine l = s1.lines().get(0);
        assertEquals(1_234_567, l.units());
        assertEquals(new BigDecimal("1234567"), l.attributedUnits());
        assertEquals("T-RATE", l.pricedWith());
        assertNull(l.correctsPeriod());
        assertEquals(krw(1481), s1.totals().total());
        assertEquals(List.of(new PlatformAmount("P1", krw(1481))), s1.byPlatform());
        assertEquals(krw(1481), owed(platform(s, "P1"), "S1").total());
        assertEquals(krw(1481), platform(s, "P1").totals().total());
    }

    @Test
    void attributionWeightAndShareScaleTheUnits() {
        // 1,000,000 tokens x weight 0.5 = 500,000 weighted; A holds 60% -> 300,000, B 40% -> 200,000.
        // At KRW 1.2 / 1,000: A 360, B 240.
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1.2", 1000));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 1_000_000, TOKENS, MID_NOV, new BigDecimal("0.5"),
                        licensed("A", "S1", 6000, "T-RATE"), licensed("B", "S1", 4000, "T-RATE")));
        SocietyStatement s1 = society(s, "S1");
        assertEquals(List.of(360L, 240L), amounts(s1.lines()));
        assertEquals(new BigDecimal("300000"), s1.lines().get(0).attributedUnits());
        assertEquals(new BigDecimal("200000"), s1.lines().get(1).attributedUnits());
    }

    @Test
    void groupTotalIsRoundedOnceWhereNaiveLineRoundingWouldBeOffByOne() {
        // KRW 0.5 per retrieved item; five works, one item each: every line is exactly 0.5.
        // Naive half-up per line: 5 x 1 = 5. Exact total 2.5 -> half-up 3; the 3 won go to the
        // first three lines in statement order (equal remainders): W1, W2, W3 = 1, W4, W5 = 0.
        Tariff t = rates("T-HALF", rate(RETRIEVAL, ITEMS, "0.5", 1));
        ResolvedUsage[] events = new ResolvedUsage[5];
        for (int i = 0; i < 5; i++) {
            events[i] = event("P1", "e" + i, "W" + (i + 1), RETRIEVAL, 1, ITEMS, MID_NOV, licensed("A", "S1", 10_000, "T-HALF"));
        }
        IssuedStatements s = close(tariffs(t), List.of(), events);
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), amounts(society(s, "S1").lines()));
        assertEquals(krw(3), society(s, "S1").totals().total());

        // Half-even: 2.5 -> 2; W1 and W2 get one won each.
        StatementCalculator halfEven = new StatementCalculator(
                new SettlementConfig(CurrencyUnit.KRW, RoundingMode.HALF_EVEN, Fixtures.CALENDAR));
        IssuedStatements e = issued(halfEven.closeEvents(NOV, List.of(events), tariffs(t), statutory(), List.of()));
        assertEquals(List.of(1L, 1L, 0L, 0L, 0L), amounts(society(e, "S1").lines()));
        assertEquals(RoundingMode.HALF_EVEN, society(e, "S1").totalRounding());
    }

    @Test
    void minimumFeeShortfallIsDistributedProRataToComputedAmounts() {
        // KRW 1 per 1,000 tokens, minimum KRW 10,000.
        // A (S1): 3,000,000 tokens -> 3,000; B (S2): 1,000,000 tokens -> 1,000; computed 4,000.
        // Shortfall 6,000: A +6,000 x 3,000/4,000 = 4,500 -> 7,500; B +1,500 -> 2,500.
        Tariff t = new Tariff("T-MIN", "KRW", List.of(rate(PRE_TRAINING, TOKENS, "1", 1000)),
                new MinimumFee(new BigDecimal("10000")), null, null);
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 3_000_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-MIN")),
                event("P1", "e2", "W2", PRE_TRAINING, 1_000_000, TOKENS, MID_NOV, licensed("B", "S2", 10_000, "T-MIN")));
        assertEquals(krw(7500), society(s, "S1").totals().total());
        assertEquals(krw(2500), society(s, "S2").totals().total());
        assertEquals(krw(10_000), platform(s, "P1").totals().total());
        TariffApplication app = platform(s, "P1").tariffApplications().get(0);
        assertTrue(app.minimumFeeApplied());
        assertEquals(new BigDecimal("10000"), app.minimumFee());
    }

    @Test
    void minimumFeeAloneIsDistributedByAttributedUnitsWithLargestRemainder() {
        // Only a minimum fee of KRW 1,000: computed amount 0, so the shortfall goes by attributed units.
        // A: 2 items, B: 1 item -> 666.67 and 333.33; floors 666 + 333 = 999, the last won goes to
        // the larger remainder (A, 2/3 > 1/3): A 667, B 333.
        Tariff t = new Tariff("T-MINONLY", "KRW", List.of(), new MinimumFee(new BigDecimal("1000")), null, null);
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", EVALUATION, 2, ITEMS, MID_NOV, licensed("A", "S1", 10_000, "T-MINONLY")),
                event("P1", "e2", "W2", EVALUATION, 1, ITEMS, MID_NOV, licensed("B", "S1", 10_000, "T-MINONLY")));
        assertEquals(List.of(667L, 333L), amounts(society(s, "S1").lines()));
    }

    @Test
    void minimumFeeAboveTheComputedAmountLeavesItUnchanged() {
        // 30,000,000 tokens x 1/1000 = 30,000 >= minimum 10,000: no top-up.
        Tariff t = new Tariff("T-MIN", "KRW", List.of(rate(PRE_TRAINING, TOKENS, "1", 1000)),
                new MinimumFee(new BigDecimal("10000")), null, null);
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 30_000_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-MIN")));
        assertEquals(krw(30_000), society(s, "S1").totals().total());
        assertFalse(platform(s, "P1").tariffApplications().get(0).minimumFeeApplied());
    }

    @Test
    void revenuePoolIsSplitProRataByWeightedUsage() {
        // 15% of declared KRW 1,000,000 = pool 150,000. Bytes weigh 0.25 of a token.
        // Weights: A 600 tokens -> 600; B 1,600 bytes -> 400; C 1,000 tokens -> 1,000; total 2,000.
        // A 150,000 x 600/2,000 = 45,000; B 30,000; C 75,000.
        Tariff t = new Tariff("T-POOL", "KRW", List.of(), null,
                new RevenueShare(1500, Map.of(BYTES, new BigDecimal("0.25"))), null);
        IssuedStatements s = close(tariffs(t), List.of(new RevenueDeclaration("P1", new BigDecimal("1000000"))),
                event("P1", "e1", "W1", PRE_TRAINING, 600, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-POOL")),
                event("P1", "e2", "W2", PRE_TRAINING, 1600, BYTES, MID_NOV, licensed("B", "S1", 10_000, "T-POOL")),
                event("P1", "e3", "W3", PRE_TRAINING, 1000, TOKENS, MID_NOV, licensed("C", "S1", 10_000, "T-POOL")));
        assertEquals(List.of(45_000L, 30_000L, 75_000L), amounts(society(s, "S1").lines()));
        TariffApplication app = society(s, "S1").tariffApplications().get(0);
        assertEquals(new BigDecimal("1000000"), app.revenueDeclared());
        assertEquals(new BigDecimal("150000"), app.revenuePool());
        assertEquals(3, app.distinctWorks());
    }

    @Test
    void trainingFeeIsSplitEquallyOverDistinctWorksAndTheRemainderWonByLargestRemainder() {
        // Fee KRW 1,000 over 3 works = 333.33... each.
        // W1 is shared: A 60% -> 200, B 40% -> 133.33...; W2 (C) 333.33...; W3 (C, used twice) 333.33....
        // Floors 200 + 133 + 333 + 333 = 999; the last won goes to the first of the equal remainders
        // (1/3 each) in statement order: B/W1. Result: A 200, B 134, C/W2 333, C/W3 333 = 1,000.
        Tariff t = new Tariff("T-FEE", "KRW", List.of(), null, null, new TrainingFee(new BigDecimal("1000")));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 500, TOKENS, MID_NOV,
                        licensed("A", "S1", 6000, "T-FEE"), licensed("B", "S1", 4000, "T-FEE")),
                event("P1", "e2", "W2", PRE_TRAINING, 7, TOKENS, MID_NOV, licensed("C", "S1", 10_000, "T-FEE")),
                event("P1", "e3", "W3", PRE_TRAINING, 9_000_000, TOKENS, MID_NOV, licensed("C", "S1", 10_000, "T-FEE")),
                event("P1", "e4", "W3", PRE_TRAINING, 1, TOKENS, MID_NOV, licensed("C", "S1", 10_000, "T-FEE")));
        SocietyStatement s1 = society(s, "S1");
        assertEquals(List.of("A", "B", "C", "C"), s1.lines().stream().map(StatementLine::partyId).toList());
        assertEquals(List.of(200L, 134L, 333L, 333L), amounts(s1.lines()));
        assertEquals(2, s1.lines().get(3).events());
        assertEquals(krw(1000), s1.totals().total());
    }

    @Test
    void trainingFeeOfThreeEqualWorksAddsTheMissingWonToTheFirstWork() {
        // KRW 100 over 3 works: 33.33... each; naive rounding gives 99. Largest remainder: 34, 33, 33.
        Tariff t = new Tariff("T-FEE", "KRW", List.of(), null, null, new TrainingFee(new BigDecimal("100")));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 10, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-FEE")),
                event("P1", "e2", "W2", PRE_TRAINING, 10, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-FEE")),
                event("P1", "e3", "W3", PRE_TRAINING, 10, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-FEE")));
        assertEquals(List.of(34L, 33L, 33L), amounts(society(s, "S1").lines()));
    }

    @Test
    void allFourModelsCombineAndTheShortfallTopsUpTheirSum() {
        // Rate KRW 1.2 / 1,000 tokens; pool 10% of KRW 300,000 = 30,000; fee 5,000 over 2 works; minimum 100,000.
        // A (W1): 1,000,000 tokens: rate 1,200, pool 30,000 x 2/3 = 20,000, fee 2,500 -> 23,700.
        // B (W2):   500,000 tokens: rate   600, pool 10,000,            fee 2,500 -> 13,100.
        // Sum 36,800 < 100,000: each scaled by 100,000 / 36,800:
        //   A 64,402.1739..., B 35,597.8260...; floors 64,402 + 35,597 = 99,999; B has the larger remainder -> 35,598.
        Tariff t = new Tariff("T-ALL", "KRW", List.of(rate(PRE_TRAINING, TOKENS, "1.2", 1000)),
                new MinimumFee(new BigDecimal("100000")), new RevenueShare(1000, Map.of()), new TrainingFee(new BigDecimal("5000")));
        List<RevenueDeclaration> revenue = List.of(new RevenueDeclaration("P1", new BigDecimal("300000")));
        IssuedStatements s = close(tariffs(t), revenue,
                event("P1", "e1", "W1", PRE_TRAINING, 1_000_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-ALL")),
                event("P1", "e2", "W2", PRE_TRAINING, 500_000, TOKENS, MID_NOV, licensed("B", "S1", 10_000, "T-ALL")));
        assertEquals(List.of(64_402L, 35_598L), amounts(society(s, "S1").lines()));

        // The same without the minimum fee reaching: minimum 30,000 < 36,800 -> 23,700 and 13,100.
        Tariff lowMinimum = new Tariff("T-ALL", "KRW", t.unitRates(), new MinimumFee(new BigDecimal("30000")),
                t.revenueShare(), t.trainingFee());
        IssuedStatements s2 = close(tariffs(lowMinimum), revenue,
                event("P1", "e1", "W1", PRE_TRAINING, 1_000_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-ALL")),
                event("P1", "e2", "W2", PRE_TRAINING, 500_000, TOKENS, MID_NOV, licensed("B", "S1", 10_000, "T-ALL")));
        assertEquals(List.of(23_700L, 13_100L), amounts(society(s2, "S1").lines()));
    }

    @Test
    void unlicensedUsageIsPricedWithTheStatutoryTariffAndFlagged() {
        // Statutory KRW 2 per 1,000: 10,000 evaluation tokens -> 20.
        IssuedStatements s = close(tariffs(), List.of(),
                event("P1", "e1", "W1", EVALUATION, 10_000, TOKENS, MID_NOV, line("D", "S2", 10_000, LineStatus.UNLICENSED, null, false)));
        SocietyStatement s2 = society(s, "S2");
        StatementLine l = s2.lines().get(0);
        assertEquals(LineStatus.UNLICENSED, l.status());
        assertTrue(l.isUnlicensed());
        assertEquals(STATUTORY_ID, l.pricedWith());
        assertEquals(krw(20), l.amount());
        assertEquals(krw(20), s2.totals().unlicensed());
        assertEquals(krw(20), s2.totals().total());
        assertEquals(krw(20), platform(s, "P1").totals().unlicensed());
        assertTrue(platform(s, "P1").tariffApplications().get(0).statutory());
    }

    @Test
    void reservedUsageIsAViolationAtThePenaltyMultiplier() {
        // E opted out. No tariff: statutory 2/1,000 x 10,000 tokens x 3 = 60.
        // F opted out, but the platform's licence T-RATE prices pre-training tokens at 1.2/1,000: 10,000 x 1.2/1,000 x 3 = 36.
        // F's retrieval use is not priced by T-RATE, so the statutory rate applies: 5,000 x 2/1,000 x 3 = 30.
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1.2", 1000));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 10_000, TOKENS, MID_NOV, line("E", "S3", 10_000, LineStatus.RESERVED, null, false)),
                event("P1", "e2", "W2", PRE_TRAINING, 10_000, TOKENS, MID_NOV, line("F", "S3", 10_000, LineStatus.RESERVED, "T-RATE", false)),
                event("P1", "e3", "W3", RETRIEVAL, 5_000, TOKENS, MID_NOV, line("F", "S3", 10_000, LineStatus.RESERVED, "T-RATE", false)));
        SocietyStatement s3 = society(s, "S3");
        assertTrue(s3.lines().isEmpty());
        assertEquals(List.of(60L, 36L, 30L), amounts(s3.violations()));
        assertEquals(List.of(STATUTORY_ID, "T-RATE", STATUTORY_ID), s3.violations().stream().map(StatementLine::pricedWith).toList());
        assertEquals(krw(126), s3.totals().violations());
        assertEquals(krw(126), s3.totals().total());
        assertEquals(krw(126), platform(s, "P1").totals().violations());
        assertEquals(krw(126), owed(platform(s, "P1"), "S3").violations());
    }

    @Test
    void unclaimedSharesAreHeldBackAndDisputedSharesAreHeldButShownToTheSociety() {
        // 1,000,000 tokens at 1.2/1,000 = 1,200 per event.
        // e1: A 70% -> 840 to S1; the unclaimed 30% -> 360 into the UNCLAIMED holdback.
        // e2: B 50% disputed -> 600 held; C 50% -> 600 to S1.
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1.2", 1000));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 1_000_000, TOKENS, MID_NOV,
                        licensed("A", "S1", 7000, "T-RATE"), line(null, null, 3000, LineStatus.UNCLAIMED, "T-RATE", false)),
                event("P1", "e2", "W2", PRE_TRAINING, 1_000_000, TOKENS, MID_NOV,
                        line("B", "S1", 5000, LineStatus.LICENSED, "T-RATE", true), licensed("C", "S1", 5000, "T-RATE")));
        SocietyStatement s1 = society(s, "S1");
        assertEquals(List.of(840L, 600L), amounts(s1.lines()));
        assertEquals(List.of(600L), amounts(s1.held()));
        assertEquals(krw(1440), s1.totals().total());
        assertEquals(krw(600), s1.totals().held());
        PlatformStatement p1 = platform(s, "P1");
        assertEquals(List.of(360L), amounts(p1.unclaimed()));
        assertEquals(List.of(600L), amounts(p1.disputed()));
        assertEquals(new PlatformStatement.Totals(krw(1440), krw(360), krw(600), krw(2400), krw(0), krw(0)), p1.totals());
    }

    @Test
    void lateUsageBecomesAnAdjustmentOnTheNextStatementPointingToThePeriodItCorrects() {
        // October is closed. Closing November: 500,000 November tokens -> 600, and 1,000,000 October
        // tokens that arrived late -> an adjustment of 1,200 pointing to 2026-10.
        // The pool of T-POOLRATE (10% of revenue) is settled once per period: the October adjustment
        // gets only the per-unit rate, and November's pool (10% of 10,000 = 1,000) goes to November's line.
        Tariff t = new Tariff("T-POOLRATE", "KRW", List.of(rate(PRE_TRAINING, TOKENS, "1.2", 1000)), null,
                new RevenueShare(1000, Map.of()), null);
        IssuedStatements s = close(tariffs(t), List.of(new RevenueDeclaration("P1", new BigDecimal("10000"))),
                event("P1", "e-nov", "W1", PRE_TRAINING, 500_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-POOLRATE")),
                event("P1", "e-oct", "W1", PRE_TRAINING, 1_000_000, TOKENS, MID_OCT, licensed("A", "S1", 10_000, "T-POOLRATE")));
        SocietyStatement s1 = society(s, "S1");
        assertEquals(List.of(1600L), amounts(s1.lines()));
        assertEquals(1, s1.adjustments().size());
        StatementLine adj = s1.adjustments().get(0);
        assertEquals("2026-10", adj.correctsPeriod());
        assertTrue(adj.isAdjustment());
        assertEquals(krw(1200), adj.amount());
        assertEquals(new SocietyStatement.Totals(krw(1600), krw(0), krw(1200), krw(0), krw(2800), krw(0)), s1.totals());
        assertEquals(new PayeeAmount(new Payee(PayeeKind.SOCIETY, "S1"), krw(1600), krw(1200), krw(0), krw(2800)),
                owed(platform(s, "P1"), "S1"));
    }

    @Test
    void theSeoulMidnightDecidesWhichPeriodUsageFallsIn() {
        // 2026-10-31T15:00:00Z is 1 November 00:00 in Seoul: November, a regular line.
        // One second earlier is still October: an adjustment.
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1", 1));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, Instant.parse("2026-10-31T15:00:00Z"), licensed("A", "S1", 10_000, "T-RATE")),
                event("P1", "e2", "W1", PRE_TRAINING, 7, TOKENS, Instant.parse("2026-10-31T14:59:59Z"), licensed("A", "S1", 10_000, "T-RATE")));
        SocietyStatement s1 = society(s, "S1");
        assertEquals(List.of(5L), amounts(s1.lines()));
        assertEquals(List.of(7L), amounts(s1.adjustments()));
    }

    @Test
    void aPartyWithoutASocietyGetsItsOwnStatement() {
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1", 1));
        IssuedStatements s = close(tariffs(t), List.of(),
                event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, MID_NOV, licensed("SOLO", null, 10_000, "T-RATE")));
        assertEquals(1, s.societyStatements().size());
        SocietyStatement st = s.societyStatements().get(0);
        assertEquals(new Payee(PayeeKind.PARTY, "SOLO"), st.payee());
        assertEquals("2026-11/party/SOLO", st.statementId());
        assertEquals(krw(5), st.totals().total());
    }

    @Test
    void currenciesWithCentsAreRoundedToTheCent() {
        // USD 0.0015 per token: 12,345 tokens -> 18.5175 -> 18.52 (half-up).
        StatementCalculator usd = new StatementCalculator(new SettlementConfig(CurrencyUnit.USD, RoundingMode.HALF_UP, Fixtures.CALENDAR));
        Tariff t = new Tariff("T-USD", "USD", List.of(rate(PRE_TRAINING, TOKENS, "0.0015", 1)), null, null, null);
        IssuedStatements s = issued(usd.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 12_345, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-USD"))),
                tariffs(t), statutory("USD", new BigDecimal("0.002"), 1000, new BigDecimal("2")), List.of()));
        Money total = society(s, "S1").totals().total();
        assertEquals(1852, total.minor());
        assertEquals("18.52", total.toPlainString());
    }

    @Test
    void aRevenueShareWithoutADeclarationRejectsTheClose() {
        Tariff t = new Tariff("T-POOL", "KRW", List.of(), null, new RevenueShare(1500, Map.of()), null);
        List<CloseError> errors = rejected(calculator.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-POOL"))),
                tariffs(t), statutory(), List.of()));
        assertEquals(List.of("REVENUE_NOT_DECLARED"), errors.stream().map(CloseError::code).toList());
        assertEquals("platform P1", errors.get(0).subject());
    }

    @Test
    void anUnknownTariffRejectsTheClose() {
        List<CloseError> errors = rejected(calculator.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-NONE"))),
                tariffs(), statutory(), List.of()));
        assertEquals(List.of(new CloseError("TARIFF_UNKNOWN", "tariff T-NONE",
                "usage of platform P1 refers to tariff T-NONE, which was not supplied or is invalid")), errors);
    }

    @Test
    void anUnknownTariffIsReportedOncePerPlatformAndAFloodOfErrorsIsCapped() {
        // 150 rows on one unknown tariff: one TARIFF_UNKNOWN. 150 rows from December: 100 listed, then TOO_MANY_ERRORS.
        List<UsageRow> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rows.add(new UsageRow("P1", "2026-11", "S1", "A", "W" + i, "TEXT", PRE_TRAINING, TOKENS, "T-NONE", LineStatus.LICENSED,
                    false, false, 1, 1, BigDecimal.ONE));
        }
        List<CloseError> one = rejected(calculator.close(new CloseInput(NOV, rows, tariffs(), statutory(), List.of())));
        assertEquals(List.of("TARIFF_UNKNOWN"), one.stream().map(CloseError::code).toList());

        List<UsageRow> december = new ArrayList<>();
        for (UsageRow r : rows) {
            december.add(new UsageRow("P1", "2026-12", "S1", "A", r.workId(), "TEXT", PRE_TRAINING, TOKENS, "T-NONE", LineStatus.LICENSED,
                    false, false, 1, 1, BigDecimal.ONE));
        }
        List<CloseError> many = rejected(calculator.close(new CloseInput(NOV, december, tariffs(), statutory(), List.of())));
        assertEquals(StatementCalculator.MAX_ERRORS + 1, many.size());
        assertEquals(new CloseError("TOO_MANY_ERRORS", "close", "50 more errors are not listed"), many.get(StatementCalculator.MAX_ERRORS));
    }

    @Test
    void usageOfALaterPeriodCannotBeSettledInAnEarlierClose() {
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1", 1));
        Instant december = Instant.parse("2026-12-02T00:00:00Z");
        List<CloseError> errors = rejected(calculator.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, december, licensed("A", "S1", 10_000, "T-RATE"))),
                tariffs(t), statutory(), List.of()));
        assertEquals(List.of("ROW_FROM_LATER_PERIOD"), errors.stream().map(CloseError::code).toList());
    }

    @Test
    void twoDifferentEventsUnderOneIdRejectTheClose() {
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1", 1));
        List<CloseError> errors = rejected(calculator.closeEvents(NOV, List.of(
                        event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-RATE")),
                        event("P1", "e1", "W1", PRE_TRAINING, 6, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-RATE"))),
                tariffs(t), statutory(), List.of()));
        assertEquals(List.of(new CloseError("DUPLICATE_EVENT_CONFLICT", "event P1/e1",
                "two different events carry the id P1/e1; resolve the conflict upstream before closing")), errors);
    }

    @Test
    void anEventWhoseSharesDoNotSumToTheWholeRejectsTheClose() {
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1", 1));
        List<CloseError> errors = rejected(calculator.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, MID_NOV, licensed("A", "S1", 9_999, "T-RATE"))),
                tariffs(t), statutory(), List.of()));
        assertEquals(List.of(new CloseError("SHARES_NOT_WHOLE", "event P1/e1", "the lines' shares sum to 9999 basis points, not 10000")), errors);
    }

    @Test
    void aTariffInAnotherCurrencyRejectsTheClose() {
        Tariff t = new Tariff("T-USD", "USD", List.of(rate(PRE_TRAINING, TOKENS, "1", 1)), null, null, null);
        List<CloseError> errors = rejected(calculator.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 5, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-USD"))),
                tariffs(t), statutory(), List.of()));
        assertEquals(List.of("CURRENCY_MISMATCH", "TARIFF_UNKNOWN"), errors.stream().map(CloseError::code).toList());
    }

    @Test
    void aggregatedRowsAndSingleEventsGiveTheSameStatements() {
        // Rows as the database would aggregate them: e1 + e2 on one line (2 events, 300 units).
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1.2", 1000));
        List<ResolvedUsage> events = List.of(
                event("P1", "e1", "W1", PRE_TRAINING, 100_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-RATE")),
                event("P1", "e2", "W1", PRE_TRAINING, 200_000, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-RATE")));
        IssuedStatements fromEvents = issued(calculator.closeEvents(NOV, events, tariffs(t), statutory(), List.of()));
        UsageRow row = new UsageRow("P1", "2026-11", "S1", "A", "W1", "TEXT", PRE_TRAINING, TOKENS, "T-RATE", LineStatus.LICENSED,
                false, false, 2, 300_000, new BigDecimal("300000.0000"));
        IssuedStatements fromRows = issued(calculator.close(new CloseInput(NOV, List.of(row), tariffs(t), statutory(), List.of())));
        assertEquals(CanonicalForm.asString(society(fromEvents, "S1").canonicalForm()),
                CanonicalForm.asString(society(fromRows, "S1").canonicalForm()));
        assertEquals(List.of(360L), amounts(society(fromRows, "S1").lines()));
    }
}
