package io.fairshare.settlement.domain.claim;

import static io.fairshare.settlement.domain.close.Fixtures.MID_NOV;
import static io.fairshare.settlement.domain.close.Fixtures.NOV;
import static io.fairshare.settlement.domain.close.Fixtures.OCT;
import static io.fairshare.settlement.domain.close.Fixtures.event;
import static io.fairshare.settlement.domain.close.Fixtures.issued;
import static io.fairshare.settlement.domain.close.Fixtures.licensed;
import static io.fairshare.settlement.domain.close.Fixtures.platform;
import static io.fairshare.settlement.domain.close.Fixtures.rate;
import static io.fairshare.settlement.domain.close.Fixtures.rates;
import static io.fairshare.settlement.domain.close.Fixtures.rejected;
import static io.fairshare.settlement.domain.close.Fixtures.society;
import static io.fairshare.settlement.domain.close.Fixtures.statutory;
import static io.fairshare.settlement.domain.close.Fixtures.tariffs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.close.CloseInput;
import io.fairshare.settlement.domain.close.Fixtures;
import io.fairshare.settlement.domain.close.StatementCalculator;
import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.statement.CanonicalForm;
import io.fairshare.settlement.domain.statement.ClaimPointer;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.statement.ModelBreakdown;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.usage.ModelUsage;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepted claims as adjustment lines of a later close: amounts as corrected, totals, pointers, and untouched bytes. */
class ClaimAdjustmentTest {
    private final StatementCalculator calculator = new StatementCalculator(Fixtures.KRW_CONFIG);
    // KRW 3 per 1,000 tokens: 100,000 tokens at 10000 bp = 300 won to S1
    private final Tariff t1 = rates("T1", rate(UsageType.PRE_TRAINING, UnitKind.TOKENS, "3", 1000));
    private final List<UsageRow> nov = UsageAggregator.aggregate(List.<ResolvedUsage>of(
            event("plat", "e1", "w1", UsageType.PRE_TRAINING, 100_000, UnitKind.TOKENS, MID_NOV, licensed("P1", "S1", 10_000, "T1"))),
            Fixtures.CALENDAR).rows();
    private final ClaimedLine corrected = new ClaimedLine(new LineRef("2026-10/society/S1", "lines", 2), "plat", "S1", "P1", "w7", "TEXT",
            UsageType.PRE_TRAINING, UnitKind.TOKENS, LineStatus.LICENSED, "T1", "T1");

    private IssuedStatements close(List<ClaimAdjustment> claims) {
        return issued(calculator.close(new CloseInput(NOV, nov, tariffs(t1), statutory(), List.of(), claims)));
    }

    @Test
    void aCorrectionMovesMoneyBetweenPayeesAsAdjustmentLinesThatPointToTheLine() {
        // WRONG_SHARE: S1 was paid 500 won too much for w7 in October, P2 (paid directly) is owed them
        ClaimAdjustment c = new ClaimAdjustment("clm_a", OCT.id(), corrected, "KRW",
                List.of(new Correction(new Payee(PayeeKind.SOCIETY, "S1"), -500), new Correction(new Payee(PayeeKind.PARTY, "P2"), 500)));
        IssuedStatements s = close(List.of(c));

        SocietyStatement s1 = society(s, "S1");
        assertEquals(300, s1.totals().lines().minor());
        assertEquals(-500, s1.totals().adjustments().minor());
        assertEquals(300 - 500, s1.totals().total().minor());
        StatementLine adj = s1.adjustments().get(0);
        assertEquals(new ClaimPointer("clm_a", "2026-10/society/S1", "lines", 2), adj.claim());
        assertEquals(OCT.id(), adj.correctsPeriod());
        assertEquals(List.of("plat", "S1", "P1", "w7"), List.of(adj.platformId(), adj.societyId(), adj.partyId(), adj.workId()));
        assertEquals(0, adj.units());

        SocietyStatement p2 = s.societyStatements().stream().filter(x -> x.payee().equals(new Payee(PayeeKind.PARTY, "P2"))).findFirst()
                .orElseThrow();
        assertEquals(500, p2.totals().total().minor(), "a payee without usage in the period gets a statement for its correction");
        assertEquals(List.of(), p2.lines());
        assertEquals("P2", p2.adjustments().get(0).partyId());
        assertEquals(null, p2.adjustments().get(0).societyId());

        PlatformStatement plat = platform(s, "plat");
        assertEquals(300 - 500 + 500, plat.totals().owed().minor());
        assertEquals(300 + 0, plat.totals().total().minor());
        // the per-model breakdown still sums to the total: a claim's adjustment counts under no model
        PlatformStatement withModels = platform(ModelBreakdown.apply(s, nov.stream().map(r -> new ModelUsage(r, "model-x", "1")).toList()), "plat");
        assertEquals(plat.totals().total().minor(), withModels.byModel().stream().mapToLong(m -> m.amount().minor()).sum());
        assertEquals(List.of(300L, 0L), withModels.byModel().stream().filter(m -> "model-x".equals(m.modelId()) || m.modelId() == null)
                .map(m -> m.amount().minor()).sorted(java.util.Comparator.reverseOrder()).toList());

        String json = CanonicalForm.asString(s1.canonicalForm());
        assertTrue(json.contains("\"claimId\":\"clm_a\",\"corrects\":{\"lineNumber\":2,\"section\":\"lines\","
                + "\"statementId\":\"2026-10/society/S1\"},\"correctsPeriod\":\"2026-10\""), json);
        assertEquals(1, json.split("claimId", -1).length - 1, "only the claim's line carries the pointer");
    }

    @Test
    void withoutClaimsTheStatementsAreByteForByteTheSame() {
        IssuedStatements without = issued(calculator.close(new CloseInput(NOV, nov, tariffs(t1), statutory(), List.of())));
        IssuedStatements empty = close(List.of());
        assertArrayEquals(society(without, "S1").canonicalForm(), society(empty, "S1").canonicalForm());
        assertArrayEquals(platform(without, "plat").canonicalForm(), platform(empty, "plat").canonicalForm());
    }

    @Test
    void claimsAreIssuedInIdOrderWhateverOrderTheyCome() {
        ClaimAdjustment b = new ClaimAdjustment("clm_b", OCT.id(), corrected, "KRW", List.of(new Correction(new Payee(PayeeKind.SOCIETY, "S1"), 7)));
        ClaimAdjustment a = new ClaimAdjustment("clm_a", OCT.id(), corrected, "KRW", List.of(new Correction(new Payee(PayeeKind.SOCIETY, "S1"), 11)));
        assertArrayEquals(society(close(List.of(a, b)), "S1").canonicalForm(), society(close(List.of(b, a)), "S1").canonicalForm());
        assertEquals(List.of(11L, 7L), society(close(List.of(b, a)), "S1").adjustments().stream().map(l -> l.amount().minor()).toList());
        assertEquals(300 + 18, society(close(List.of(b, a)), "S1").totals().total().minor());
    }

    @Test
    void missingUsagePointsToNoLineAndAClaimOfTheSameOrALaterPeriodIsRefused() {
        ClaimedLine missing = new ClaimedLine(null, "plat", "S1", "P1", "w9", null, UsageType.PRE_TRAINING, UnitKind.TOKENS,
                LineStatus.LICENSED, null, null);
        ClaimAdjustment m = new ClaimAdjustment("clm_m", OCT.id(), missing, "KRW", List.of(new Correction(new Payee(PayeeKind.SOCIETY, "S1"), 40)));
        StatementLine l = society(close(List.of(m)), "S1").adjustments().get(0);
        assertEquals(new ClaimPointer("clm_m", null, null, null), l.claim());
        assertTrue(CanonicalForm.asString(society(close(List.of(m)), "S1").canonicalForm()).contains("\"corrects\":null"));

        ClaimAdjustment same = new ClaimAdjustment("clm_n", NOV.id(), missing, "KRW", List.of(new Correction(new Payee(PayeeKind.SOCIETY, "S1"), 1)));
        assertEquals("CLAIM_NOT_OF_EARLIER_PERIOD", rejected(calculator.close(new CloseInput(NOV, nov, tariffs(t1), statutory(), List.of(),
                List.of(same)))).get(0).code());
        ClaimAdjustment usd = new ClaimAdjustment("clm_u", OCT.id(), missing, "USD", List.of(new Correction(new Payee(PayeeKind.SOCIETY, "S1"), 1)));
        assertEquals("CLAIM_CURRENCY", rejected(calculator.close(new CloseInput(NOV, nov, tariffs(t1), statutory(), List.of(),
                List.of(usd)))).get(0).code());
    }

    @Test
    void anUnlicensedLineIsCorrectedAsUnlicensedEveryOtherAsLicensed() {
        ClaimedLine unlicensed = new ClaimedLine(corrected.ref(), "plat", "S1", "P1", "w7", "TEXT", UsageType.PRE_TRAINING, UnitKind.TOKENS,
                LineStatus.UNLICENSED, null, "STATUTORY-2026");
        ClaimedLine reserved = new ClaimedLine(corrected.ref(), "plat", "S1", "P1", "w7", "TEXT", UsageType.PRE_TRAINING, UnitKind.TOKENS,
                LineStatus.RESERVED, null, "STATUTORY-2026");
        Correction k = new Correction(new Payee(PayeeKind.SOCIETY, "S1"), 5);
        assertEquals(LineStatus.UNLICENSED, new ClaimAdjustment("c", OCT.id(), unlicensed, "KRW", List.of(k)).lines(Fixtures.KRW_CONFIG.currency())
                .get(0).status());
        assertEquals(LineStatus.LICENSED, new ClaimAdjustment("c", OCT.id(), reserved, "KRW", List.of(k)).lines(Fixtures.KRW_CONFIG.currency())
                .get(0).status());
    }
}
