package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.statement.PayeeAmount;
import io.fairshare.settlement.domain.statement.PlatformAmount;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.UnitRate;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.domain.usage.UsageRow;

import static io.fairshare.settlement.domain.close.Fixtures.issued;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the close, over seeded random usage. Every trial's seed is in the failure message;
 * replay one with {@code -Dsettlement.seed=<seed>} (then only that seed runs).
 */
class SettlementPropertiesTest {
    private static final int TRIALS = 20;
    private static final long BASE_SEED = 20_261_121L;
    private final StatementCalculator calculator = new StatementCalculator(Fixtures.KRW_CONFIG);
    private final Map<String, Tariff> tariffs = RandomUsage.tariffs();
    private final List<String> tariffIds = List.of("T-RATE", "T-POOL", "T-FEE", "T-MIN", "T-ALL");

    interface Trial {
        void run(long seed);
    }

    private static void forEachSeed(Trial trial) {
        Long fixed = Long.getLong("settlement.seed");
        List<Long> seeds = new ArrayList<>();
        if (fixed != null) {
            seeds.add(fixed);
        } else {
            for (int i = 0; i < TRIALS; i++) {
                seeds.add(BASE_SEED + i * 7919L);
            }
        }
        for (long seed : seeds) {
            try {
                trial.run(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed with seed " + seed + " (replay: -Dsettlement.seed=" + seed + "): " + e.getMessage(), e);
            }
        }
    }

    private IssuedStatements closeNov(RandomUsage r, List<ResolvedUsage> events, List<RevenueDeclaration> revenue) {
        return issued(calculator.closeEvents(Fixtures.NOV, events, tariffs, RandomUsage.statutory(), revenue));
    }

    private List<ResolvedUsage> novemberWithLateOctober(RandomUsage r) {
        List<ResolvedUsage> events = new ArrayList<>(r.events(60 + r.random.nextInt(240), "n", Fixtures.NOV, false));
        events.addAll(r.events(r.random.nextInt(40), "o", Fixtures.OCT, false));
        return events;
    }

    @Test
    void linesSumToTotalsAndSocietyAndPlatformStatementsTieOut() {
        forEachSeed(seed -> {
            RandomUsage r = new RandomUsage(seed, tariffIds);
            IssuedStatements s = closeNov(r, novemberWithLateOctober(r), r.revenue());
            assertFalse(s.platformStatements().isEmpty());
            assertTiesOut(s);
        });
    }

    @Test
    void anyPermutationOfTheEventsGivesByteIdenticalStatements() {
        forEachSeed(seed -> {
            RandomUsage r = new RandomUsage(seed, tariffIds);
            List<ResolvedUsage> events = novemberWithLateOctober(r);
            List<RevenueDeclaration> revenue = r.revenue();
            IssuedStatements first = closeNov(r, events, revenue);
            List<ResolvedUsage> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
            List<RevenueDeclaration> shuffledRevenue = new ArrayList<>(revenue);
            Collections.reverse(shuffledRevenue);
            assertSameBytes(first, closeNov(r, shuffled, shuffledRevenue));

            // Rows straight from a database come in any order too.
            List<UsageRow> rows = new ArrayList<>(UsageAggregator.aggregate(events, Fixtures.CALENDAR).rows());
            Collections.shuffle(rows, new Random(seed));
            assertSameBytes(first, issued(calculator.close(new CloseInput(Fixtures.NOV, rows, tariffs, RandomUsage.statutory(), revenue))));
        });
    }

    @Test
    void duplicateEventsAreCountedOnce() {
        forEachSeed(seed -> {
            RandomUsage r = new RandomUsage(seed, tariffIds);
            List<ResolvedUsage> events = novemberWithLateOctober(r);
            List<RevenueDeclaration> revenue = r.revenue();
            IssuedStatements once = closeNov(r, events, revenue);
            List<ResolvedUsage> withCopies = new ArrayList<>(events);
            int copies = 1 + r.random.nextInt(events.size());
            for (int i = 0; i < copies; i++) {
                ResolvedUsage e = events.get(r.random.nextInt(events.size()));
                // A redelivered copy, its weight written with more decimal places: the same event.
                BigDecimal weight = e.attributionWeight() == null ? null : e.attributionWeight().setScale(e.attributionWeight().scale() + 2);
                withCopies.add(r.random.nextInt(withCopies.size() + 1),
                        new ResolvedUsage(e.platformId(), e.eventId(), e.modelId(), e.modelVersion(), e.usageType(), e.units(), e.unitKind(),
                                e.usedAt(), e.territory(), weight, e.workId(), e.workCategory(), e.backClaim(), e.lines()));
            }
            UsageAggregator.Aggregation aggregation = UsageAggregator.aggregate(withCopies, Fixtures.CALENDAR);
            assertEquals(copies, aggregation.duplicatesIgnored());
            assertSameBytes(once, closeNov(r, withCopies, revenue));
        });
    }

    @Test
    void rowsAggregatedInPartsGiveTheSameStatementsAsSingleEvents() {
        forEachSeed(seed -> {
            RandomUsage r = new RandomUsage(seed, tariffIds);
            List<ResolvedUsage> events = novemberWithLateOctober(r);
            List<RevenueDeclaration> revenue = r.revenue();
            int cut = r.random.nextInt(events.size());
            List<UsageRow> rows = new ArrayList<>(UsageAggregator.aggregate(events.subList(0, cut), Fixtures.CALENDAR).rows());
            rows.addAll(UsageAggregator.aggregate(events.subList(cut, events.size()), Fixtures.CALENDAR).rows());
            IssuedStatements fromRows = issued(calculator.close(new CloseInput(Fixtures.NOV, rows, tariffs, RandomUsage.statutory(), revenue)));
            assertSameBytes(closeNov(r, events, revenue), fromRows);
        });
    }

    @Test
    void everyEventShareIsCountedOnceAcrossAllClosesAndStatements() {
        Period oct = Fixtures.OCT;
        Period nov = Fixtures.NOV;
        Period dec = Fixtures.CALENDAR.next(nov);
        List<Period> periods = List.of(oct, nov, dec);
        forEachSeed(seed -> {
            RandomUsage r = new RandomUsage(seed, tariffIds);
            // Each event has its own work, so its lines can be traced through every statement.
            // It is used in period u and arrives while period a >= u is open: it is settled by close a,
            // as a regular line if a == u, else as an adjustment pointing to u.
            List<ResolvedUsage> events = new ArrayList<>();
            Map<String, Integer> arrival = new HashMap<>();
            for (int u = 0; u < 3; u++) {
                for (ResolvedUsage e : r.events(20 + r.random.nextInt(60), "u" + u + "-", periods.get(u), true)) {
                    events.add(e);
                    arrival.put(e.workId(), u + r.random.nextInt(3 - u));
                }
            }
            Map<String, List<StatementLine>> seenByWork = new HashMap<>();
            Map<String, Integer> closeByWork = new HashMap<>();
            for (int a = 0; a < 3; a++) {
                int close = a;
                List<ResolvedUsage> batch = events.stream().filter(e -> arrival.get(e.workId()) == close).toList();
                IssuedStatements s = issued(calculator.closeEvents(periods.get(a), batch, tariffs, RandomUsage.statutory(), r.revenue()));
                assertTiesOut(s);
                for (StatementLine l : everyLineOnce(s)) {
                    seenByWork.computeIfAbsent(l.workId(), k -> new ArrayList<>()).add(l);
                    Integer earlier = closeByWork.put(l.workId(), a);
                    assertTrue(earlier == null || earlier == a, "work " + l.workId() + " settled in closes " + earlier + " and " + a);
                }
            }
            for (ResolvedUsage e : events) {
                List<StatementLine> lines = seenByWork.get(e.workId());
                assertTrue(lines != null, "event " + e.eventId() + " is on no statement");
                BigDecimal attributed = lines.stream().map(StatementLine::attributedUnits).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, e.weightedUnits().compareTo(attributed), "attributed units of " + e.eventId());
                assertEquals(e.lines().size(), lines.stream().mapToLong(StatementLine::events).sum(), "lines of " + e.eventId());
                int used = periods.indexOf(Fixtures.CALENDAR.periodOf(e.usedAt()));
                String corrects = used < arrival.get(e.workId()) ? periods.get(used).id() : null;
                for (StatementLine l : lines) {
                    assertEquals(corrects, l.correctsPeriod(), "correctsPeriod of " + e.eventId());
                }
            }
        });
    }

    @Test
    void withRatesOnlyEveryLineIsWithinOneUnitOfExactAndEveryGroupTotalIsTheRoundedExactTotal() {
        forEachSeed(seed -> {
            RandomUsage r = new RandomUsage(seed, List.of("T-RATE"));
            IssuedStatements s = closeNov(r, novemberWithLateOctober(r), List.of());
            Map<String, Tariff> byId = new HashMap<>(tariffs);
            StatutoryScheme statutory = RandomUsage.statutory();
            byId.put(statutory.tariff().id(), statutory.tariff());
            Map<String, BigDecimal> exactByGroup = new TreeMap<>();
            Map<String, Long> roundedByGroup = new TreeMap<>();
            for (SocietyStatement st : s.societyStatements()) {
                for (List<StatementLine> section : List.of(st.lines(), st.adjustments(), st.violations())) {
                    for (StatementLine l : section) {
                        accumulate(exactByGroup, roundedByGroup, l.platformId() + "/" + st.payee(), l, byId, statutory);
                    }
                }
            }
            for (PlatformStatement p : s.platformStatements()) {
                for (StatementLine l : p.unclaimed()) {
                    accumulate(exactByGroup, roundedByGroup, p.platformId() + "/UNCLAIMED", l, byId, statutory);
                }
                for (StatementLine l : p.disputed()) {
                    accumulate(exactByGroup, roundedByGroup, p.platformId() + "/DISPUTED", l, byId, statutory);
                }
            }
            for (Map.Entry<String, BigDecimal> g : exactByGroup.entrySet()) {
                assertEquals(g.getValue().setScale(0, RoundingMode.HALF_UP).longValueExact(), roundedByGroup.get(g.getKey()),
                        "group " + g.getKey());
            }
        });
    }

    /** Recomputes a rates-only line independently and checks the issued amount is its floor or ceiling. */
    private static void accumulate(Map<String, BigDecimal> exactByGroup, Map<String, Long> roundedByGroup, String group,
                                   StatementLine l, Map<String, Tariff> byId, StatutoryScheme statutory) {
        UnitRate rate = byId.get(l.pricedWith()).rateFor(l.usageType(), l.unitKind()).orElseThrow();
        // Multiply first, divide last: the division by a product of 2s and 5s is exact.
        BigDecimal exact = l.attributedUnits().multiply(rate.amount());
        if (l.isViolation()) {
            exact = exact.multiply(statutory.reservedPenaltyMultiplier());
        }
        exact = exact.divide(BigDecimal.valueOf(rate.per()));
        long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
        long amount = l.amount().minor();
        assertTrue(amount == floor || (amount == floor + 1 && exact.compareTo(BigDecimal.valueOf(floor)) > 0),
                "line " + l + " is not within one won of " + exact);
        exactByGroup.merge(group, exact, BigDecimal::add);
        roundedByGroup.merge(group, amount, Long::sum);
    }

    // ---------------------------------------------------------------- shared checks

    /** Every issued line exactly once: payee sections from society statements, holdbacks from platform statements. */
    static List<StatementLine> everyLineOnce(IssuedStatements s) {
        List<StatementLine> all = new ArrayList<>();
        for (SocietyStatement st : s.societyStatements()) {
            all.addAll(st.lines());
            all.addAll(st.adjustments());
            all.addAll(st.violations());
        }
        for (PlatformStatement p : s.platformStatements()) {
            all.addAll(p.unclaimed());
            all.addAll(p.disputed());
        }
        return all;
    }

    static void assertTiesOut(IssuedStatements s) {
        Map<String, Long> payeeByPlatform = new TreeMap<>();
        long societyTotals = 0;
        long held = 0;
        for (SocietyStatement st : s.societyStatements()) {
            SocietyStatement.Totals t = st.totals();
            assertEquals(sum(st.lines()), t.lines().minor(), st.statementId() + " lines");
            assertEquals(st.lines().stream().filter(StatementLine::isUnlicensed).mapToLong(l -> l.amount().minor()).sum(),
                    t.unlicensed().minor(), st.statementId() + " unlicensed");
            assertEquals(sum(st.adjustments()), t.adjustments().minor(), st.statementId() + " adjustments");
            assertEquals(sum(st.violations()), t.violations().minor(), st.statementId() + " violations");
            assertEquals(sum(st.held()), t.held().minor(), st.statementId() + " held");
            assertEquals(t.lines().minor() + t.adjustments().minor() + t.violations().minor(), t.total().minor(), st.statementId() + " total");
            assertEquals(t.total().minor(), st.byPlatform().stream().mapToLong(p -> p.amount().minor()).sum(), st.statementId() + " byPlatform");
            assertTrue(st.adjustments().stream().allMatch(StatementLine::isAdjustment));
            assertTrue(st.lines().stream().noneMatch(l -> l.isAdjustment() || l.isViolation() || l.disputed()));
            assertTrue(st.violations().stream().allMatch(StatementLine::isViolation));
            assertTrue(st.held().stream().allMatch(StatementLine::disputed));
            for (PlatformAmount p : st.byPlatform()) {
                payeeByPlatform.put(p.platformId() + "/" + st.payee(), p.amount().minor());
            }
            societyTotals += t.total().minor();
            held += t.held().minor();
        }
        Map<String, Long> platformByPayee = new TreeMap<>();
        long platformTotals = 0;
        long holdbacks = 0;
        long disputed = 0;
        for (PlatformStatement p : s.platformStatements()) {
            PlatformStatement.Totals t = p.totals();
            long owed = 0;
            for (PayeeAmount a : p.owed()) {
                assertEquals(a.lines().minor() + a.adjustments().minor() + a.violations().minor(), a.total().minor());
                platformByPayee.put(p.platformId() + "/" + a.payee(), a.total().minor());
                owed += a.total().minor();
            }
            assertEquals(owed, t.owed().minor(), p.statementId() + " owed");
            assertEquals(sum(p.unclaimed()), t.unclaimedHeld().minor(), p.statementId() + " unclaimed");
            assertEquals(sum(p.disputed()), t.disputedHeld().minor(), p.statementId() + " disputed");
            assertEquals(t.owed().minor() + t.unclaimedHeld().minor() + t.disputedHeld().minor(), t.total().minor(), p.statementId() + " total");
            platformTotals += t.total().minor();
            holdbacks += t.unclaimedHeld().minor() + t.disputedHeld().minor();
            disputed += t.disputedHeld().minor();
        }
        assertEquals(payeeByPlatform, platformByPayee, "what platforms owe each payee = what payees are owed by each platform");
        assertEquals(platformTotals, societyTotals + holdbacks, "platform totals = payee totals + holdbacks");
        assertEquals(disputed, held, "disputed holdbacks = held on payee statements");
    }

    private static long sum(List<StatementLine> lines) {
        return lines.stream().mapToLong(l -> l.amount().minor()).sum();
    }

    static void assertSameBytes(IssuedStatements a, IssuedStatements b) {
        assertEquals(a.societyStatements().size(), b.societyStatements().size());
        assertEquals(a.platformStatements().size(), b.platformStatements().size());
        for (int i = 0; i < a.societyStatements().size(); i++) {
            assertArrayEquals(a.societyStatements().get(i).canonicalForm(), b.societyStatements().get(i).canonicalForm());
            assertEquals(a.societyStatements().get(i).sha256(), b.societyStatements().get(i).sha256());
        }
        for (int i = 0; i < a.platformStatements().size(); i++) {
            assertArrayEquals(a.platformStatements().get(i).canonicalForm(), b.platformStatements().get(i).canonicalForm());
            assertEquals(a.platformStatements().get(i).sha256(), b.platformStatements().get(i).sha256());
        }
    }
}
