package io.fairshare.settlement.domain.statement;

import static io.fairshare.settlement.domain.close.Fixtures.MID_NOV;
import static io.fairshare.settlement.domain.close.Fixtures.NOV;
import static io.fairshare.settlement.domain.close.Fixtures.issued;
import static io.fairshare.settlement.domain.close.Fixtures.rate;
import static io.fairshare.settlement.domain.close.Fixtures.rates;
import static io.fairshare.settlement.domain.close.Fixtures.statutory;
import static io.fairshare.settlement.domain.close.Fixtures.tariffs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.close.Fixtures;
import io.fairshare.settlement.domain.close.StatementCalculator;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ModelUsage;
import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Platform statements' per-model breakdown on a seeded scenario: the expected events, units and amount
 * of every model are computed here from the events themselves (every amount is a whole number of won,
 * so no rounding stands between the events and the expectation), and the statements' totals do not move.
 */
class ModelBreakdownTest {
    static final String[] MODELS = {"hanbit-llm", "hanbit-llm", "saebom", "gaon"};
    static final String[] VERSIONS = {"1", "2", "1", "0.9"};

    @Test
    void eachModelGetsWhatItsUsageEarnedAndTheModelsSumToThePlatformTotal() {
        // licensed: KRW 1 per 1,000 tokens; unlicensed and unclaimed: statutory KRW 2 per 1,000; reserved x3
        var licensed = rates("t-lic", rate(UsageType.PRE_TRAINING, UnitKind.TOKENS, "1", 1000));
        Random random = new Random(14);
        List<ResolvedUsage> events = new ArrayList<>();
        // expected per platform and model (id/version): {event lines, units, won}
        Map<String, long[]> expected = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            String platform = "plat-" + random.nextInt(2);
            int m = random.nextInt(MODELS.length);
            long tokens = 10_000L * (1 + random.nextInt(50));
            int firstShare = 1000 * (1 + random.nextInt(9));
            LineStatus second = LineStatus.values()[random.nextInt(LineStatus.values().length)];
            List<ResolvedLine> lines = List.of(
                    new ResolvedLine("p-" + random.nextInt(4), "s-" + random.nextInt(2), firstShare, LineStatus.LICENSED, "t-lic",
                            random.nextInt(10) == 0),
                    new ResolvedLine(second == LineStatus.UNCLAIMED ? null : "p-" + random.nextInt(4),
                            second == LineStatus.UNCLAIMED ? null : "s-" + random.nextInt(2), 10_000 - firstShare, second,
                            second == LineStatus.LICENSED ? "t-lic" : null, false));
            events.add(new ResolvedUsage(platform, "e-" + i, MODELS[m], VERSIONS[m], UsageType.PRE_TRAINING, tokens, UnitKind.TOKENS,
                    MID_NOV.plusSeconds(i), "KR", null, "w-" + random.nextInt(6), "book", false, lines, "run-" + m, null));
            for (ResolvedLine l : lines) {
                long perThousand = switch (l.status()) {
                    case LICENSED -> 1;
                    case UNLICENSED, UNCLAIMED -> 2;
                    case RESERVED -> 6;
                };
                long[] e = expected.computeIfAbsent(platform + "/" + MODELS[m] + "/" + VERSIONS[m], k -> new long[3]);
                e[0] += 1;
                e[1] += tokens;
                e[2] += tokens * l.shareBasisPoints() / 10_000 * perThousand / 1000;
            }
        }
        StatementCalculator calculator = new StatementCalculator(Fixtures.KRW_CONFIG);
        IssuedStatements plain = issued(calculator.closeEvents(NOV, events, tariffs(licensed), statutory(), List.of()));

        IssuedStatements withModels = ModelBreakdown.apply(plain, modelRows(events));

        Map<String, long[]> actual = new TreeMap<>();
        for (PlatformStatement p : withModels.platformStatements()) {
            long sum = 0;
            for (ModelAmount a : p.byModel()) {
                actual.put(p.platformId() + "/" + a.modelId() + "/" + a.modelVersion(), new long[] {a.events(), a.units(), a.amount().minor()});
                sum += a.amount().minor();
            }
            assertEquals(p.totals().total().minor(), sum, "the models of " + p.platformId() + " sum to its total");
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
        // nothing else changes: the society statements are the same, and each platform statement but for byModel
        assertEquals(plain.societyStatements(), withModels.societyStatements());
        for (int i = 0; i < plain.platformStatements().size(); i++) {
            assertEquals(plain.platformStatements().get(i), withModels.platformStatements().get(i).withModels(List.of()));
        }
    }

    @Test
    void aLineSharedByTwoModelsIsSplitByTheLargestRemainderAndAStatementWithoutModelsKeepsItsBytes() {
        var licensed = rates("t-lic", rate(UsageType.PRE_TRAINING, UnitKind.TOKENS, "1", 1000));
        List<ResolvedUsage> events = new ArrayList<>();
        // one line of 3,000 tokens (KRW 3): 1,000 from model a and 2,000 from model b
        for (String[] e : new String[][] {{"e-1", "a", "1000"}, {"e-2", "b", "2000"}}) {
            events.add(new ResolvedUsage("plat", e[0], e[1], "1", UsageType.PRE_TRAINING, Long.parseLong(e[2]), UnitKind.TOKENS, MID_NOV,
                    "KR", null, "w-1", "book", false, List.of(new ResolvedLine("p", "s", 10_000, LineStatus.LICENSED, "t-lic", false))));
        }
        IssuedStatements plain = issued(new StatementCalculator(Fixtures.KRW_CONFIG).closeEvents(NOV, events, tariffs(licensed),
                statutory(), List.of()));
        PlatformStatement p = ModelBreakdown.apply(plain, modelRows(events)).platformStatements().get(0);
        assertEquals(List.of(1L, 2L), p.byModel().stream().map(a -> a.amount().minor()).toList());
        assertEquals(List.of("a", "b"), p.byModel().stream().map(ModelAmount::modelId).toList());
        assertArrayEquals(plain.platformStatements().get(0).canonicalForm(), p.withModels(List.of()).canonicalForm());
        assertEquals(true, CanonicalForm.asString(p.canonicalForm()).contains("\"byModel\":[{\"amount\":\"1\",\"events\":1,"));
    }

    /** What the ledger's GROUP BY line key and model returns, made here from the events. */
    static List<ModelUsage> modelRows(List<ResolvedUsage> events) {
        Map<String, List<ResolvedUsage>> byModel = new TreeMap<>();
        events.forEach(e -> byModel.computeIfAbsent(e.modelId() + "/" + e.modelVersion(), k -> new ArrayList<>()).add(e));
        List<ModelUsage> out = new ArrayList<>();
        byModel.forEach((k, es) -> {
            for (UsageRow r : UsageAggregator.aggregate(es, Fixtures.CALENDAR).rows()) {
                out.add(new ModelUsage(r, es.get(0).modelId(), es.get(0).modelVersion()));
            }
        });
        return out;
    }
}
