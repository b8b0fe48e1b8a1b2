package io.fairshare.settlement.export;

import static io.fairshare.contracts.usage.UnitKind.TOKENS;
import static io.fairshare.contracts.usage.UsageType.PRE_TRAINING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.close.CloseResult;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import io.fairshare.settlement.domain.close.SettlementConfig;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.close.StatementCalculator;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.UnitRate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static SocietyStatement s1;
    private static PlatformStatement p1;
    private static StatutoryScheme statutory;
    private static Tariff rate;

    /**
     * S1's November statement, at KRW 1.2 per 1,000 tokens (statutory 2 per 1,000, reserved x3):
     * A on platform P1, work {@code W,"1"}: 1,000,000 tokens -> 1,200 (a work id that needs CSV quoting);
     * A on P2, October usage arriving late: 500,000 tokens -> adjustment of 600;
     * B on P1, reserved: 10,000 tokens x 2/1,000 x 3 -> violation of 60;
     * C on P1, disputed: 1,000,000 tokens -> 1,200 held.
     */
    @BeforeAll
    static void close() {
        List<UnitRate> statutoryRates = new ArrayList<>();
        for (UsageType t : UsageType.values()) {
            for (UnitKind k : UnitKind.values()) {
                statutoryRates.add(new UnitRate(t, k, new BigDecimal("2"), 1000));
            }
        }
        statutory = new StatutoryScheme(new Tariff("STATUTORY-2026", "KRW", statutoryRates, null, null, null), new BigDecimal("3"));
        Tariff t = new Tariff("T-RATE", "KRW", List.of(new UnitRate(PRE_TRAINING, TOKENS, new BigDecimal("1.2"), 1000)), null, null, null);
        rate = t;
        Instant nov = Instant.parse("2026-11-15T03:00:00Z");
        Instant oct = Instant.parse("2026-10-15T03:00:00Z");
        List<ResolvedUsage> events = List.of(
                usage("P1", "e1", "W,\"1\"", 1_000_000, nov, new ResolvedLine("A", "S1", 10_000, LineStatus.LICENSED, "T-RATE", false)),
                usage("P2", "e2", "W2", 500_000, oct, new ResolvedLine("A", "S1", 10_000, LineStatus.LICENSED, "T-RATE", false)),
                usage("P1", "e3", "W2", 10_000, nov, new ResolvedLine("B", "S1", 10_000, LineStatus.RESERVED, null, false)),
                usage("P1", "e4", "W2", 1_000_000, nov, new ResolvedLine("C", "S1", 10_000, LineStatus.LICENSED, "T-RATE", true)));
        StatementCalculator calculator = new StatementCalculator(SettlementConfig.defaults());
        CloseResult result = calculator.closeEvents(PeriodCalendar.defaults().parse("2026-11").orElseThrow(), events,
                Map.of("T-RATE", t), statutory, List.of());
        IssuedStatements issued = ((CloseResult.Issued) result).statements();
        s1 = issued.societyStatements().get(0);
        p1 = issued.platformStatements().get(0);
    }

    private static ResolvedUsage usage(String platform, String id, String work, long units, Instant at, ResolvedLine line) {
        return new ResolvedUsage(platform, id, "m", "1", PRE_TRAINING, units, TOKENS, at, "KR", null, work, "TEXT", false, List.of(line));
    }

    @Test
    void societyCsvHasOneQuotedRecordPerLineWithItsSection() {
        String csv = new String(StatementCsv.export(s1), StandardCharsets.UTF_8);
        assertEquals(""
                + "statement_id,period,section,payee_kind,payee_id,platform_id,society_id,party_id,work_id,work_category,usage_type,"
                + "unit_kind,status,tariff_id,priced_with,disputed,back_claim,corrects_period,events,units,attributed_units,amount,currency\r\n"
                + "2026-11/society/S1,2026-11,LINE,SOCIETY,S1,P1,S1,A,\"W,\"\"1\"\"\",TEXT,pre-training,tokens,LICENSED,T-RATE,T-RATE,"
                + "false,false,,1,1000000,1000000,1200,KRW\r\n"
                + "2026-11/society/S1,2026-11,ADJUSTMENT,SOCIETY,S1,P2,S1,A,W2,TEXT,pre-training,tokens,LICENSED,T-RATE,T-RATE,"
                + "false,false,2026-10,1,500000,500000,600,KRW\r\n"
                + "2026-11/society/S1,2026-11,VIOLATION,SOCIETY,S1,P1,S1,B,W2,TEXT,pre-training,tokens,RESERVED,,STATUTORY-2026,"
                + "false,false,,1,10000,10000,60,KRW\r\n"
                + "2026-11/society/S1,2026-11,HELD,SOCIETY,S1,P1,S1,C,W2,TEXT,pre-training,tokens,LICENSED,T-RATE,T-RATE,"
                + "true,false,,1,1000000,1000000,1200,KRW\r\n", csv);
    }

    @Test
    void platformCsvListsWhatIsOwedPerPayeeAndTheHoldbackLines() {
        String csv = new String(StatementCsv.export(p1), StandardCharsets.UTF_8);
        String[] records = csv.split("\r\n");
        assertEquals(3, records.length);
        // P1 owes S1 1,200 + 60 = 1,260; the disputed 1,200 is held.
        assertEquals("2026-11/platform/P1,2026-11,OWED,SOCIETY,S1,P1,,,,,,,,,,,,,,,,1260,KRW", records[1]);
        assertEquals("2026-11/platform/P1,2026-11,DISPUTED,,,P1,S1,C,W2,TEXT,pre-training,tokens,LICENSED,T-RATE,T-RATE,"
                + "true,false,,1,1000000,1000000,1200,KRW", records[2]);
        for (String r : records) {
            assertEquals(StatementCsv.COLUMNS.size(), r.split(",", -1).length, r);
        }
    }

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        assertEquals("plain", StatementCsv.quote("plain"));
        assertEquals("\"a,b\"", StatementCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", StatementCsv.quote("say \"hi\""));
        assertEquals("\"two\r\nlines\"", StatementCsv.quote("two\r\nlines"));
        assertEquals("", StatementCsv.quote(null));
    }

    @Test
    void dsrStyleFileHasHeadSummariesBlocksAndAFootThatCountsThem() {
        String file = new String(DsrStyleReport.export(s1, "FAIRSHARE", Instant.parse("2026-12-01T09:30:00.123Z")), StandardCharsets.UTF_8);
        String expected = String.join("\n",
                "#HEAD\tMessageVersion\tProfile\tProfileVersion\tMessageId\tMessageCreatedDateTime\tFileNumber\tNumberOfFiles\t"
                        + "UsageStartDate\tUsageEndDate\tSenderPartyId\tRecipientPartyId\tRecipientKind\tCurrency\tStatementSha256",
                "HEAD\tfairshare-dsr-style/1.0\tFairshareAiTrainingUsage\t1.0\t2026-11/society/S1\t2026-12-01T09:30:00Z\t1\t1\t"
                        + "2026-11-01\t2026-11-30\tFAIRSHARE\tS1\tSOCIETY\tKRW\t" + s1.sha256(),
                "#SYAI.01\tSummaryRecordId\tPlatformId\tSection\tNumberOfUsageRecords\tEvents\tUnits\tAttributedUnits\tAmount\tIsRoyaltyBearing",
                "SYAI.01\t1\tP1\tLINE\t1\t1\t1000000\t1000000\t1200\ttrue",
                "SYAI.01\t2\tP2\tADJUSTMENT\t1\t1\t500000\t500000\t600\ttrue",
                "SYAI.01\t3\tP1\tVIOLATION\t1\t1\t10000\t10000\t60\ttrue",
                "SYAI.01\t4\tP1\tHELD\t1\t1\t1000000\t1000000\t1200\tfalse",
                "#WKAI.01\tBlockId\tWorkId\tWorkCategory",
                "#SUAI.01\tBlockId\tSummaryRecordId\tSalesTransactionId\tPartyId\tUsageType\tUnitKind\tStatus\tTariffId\tPricedWith\t"
                        + "Disputed\tBackClaim\tCorrectsPeriod\tEvents\tUnits\tAttributedUnits\tAmount\tIsRoyaltyBearing",
                "WKAI.01\tB1\tW,\"1\"\tTEXT",
                "SUAI.01\tB1\t1\t1\tA\tpre-training\ttokens\tLICENSED\tT-RATE\tT-RATE\tfalse\tfalse\t\t1\t1000000\t1000000\t1200\ttrue",
                "WKAI.01\tB2\tW2\tTEXT",
                "SUAI.01\tB2\t2\t2\tA\tpre-training\ttokens\tLICENSED\tT-RATE\tT-RATE\tfalse\tfalse\t2026-10\t1\t500000\t500000\t600\ttrue",
                "SUAI.01\tB2\t3\t3\tB\tpre-training\ttokens\tRESERVED\t\tSTATUTORY-2026\tfalse\tfalse\t\t1\t10000\t10000\t60\ttrue",
                "SUAI.01\tB2\t4\t4\tC\tpre-training\ttokens\tLICENSED\tT-RATE\tT-RATE\ttrue\tfalse\t\t1\t1000000\t1000000\t1200\tfalse",
                "#FOOT\tNumberOfLinesInFile\tNumberOfLinesInReport\tNumberOfSummaryRecords\tNumberOfBlocksInFile\tNumberOfBlocksInReport",
                "FOOT\t17\t17\t4\t2\t2") + "\n";
        assertEquals(expected, file);
    }

    @Test
    void dsrStyleCellsNeverCarryADelimiter() {
        assertEquals("a b c", DsrStyleReport.cell("a\tb\nc"));
        assertEquals("", DsrStyleReport.cell(null));
    }

    /** A platform's work id and a party id that a spreadsheet would run: both exports write them as text. */
    @Test
    void noExportedCellRunsAsAFormula() {
        String work = "=HYPERLINK(\"http://evil.example/\",\"open\")";
        List<ResolvedUsage> events = List.of(usage("P1", "f1", work, 1_000_000, Instant.parse("2026-11-15T03:00:00Z"),
                new ResolvedLine("@party", "S1", 10_000, LineStatus.LICENSED, "T-RATE", false)));
        CloseResult result = new StatementCalculator(SettlementConfig.defaults()).closeEvents(
                PeriodCalendar.defaults().parse("2026-11").orElseThrow(), events, Map.of("T-RATE", rate), statutory, List.of());
        SocietyStatement s = ((CloseResult.Issued) result).statements().societyStatements().get(0);

        String csv = new String(StatementCsv.export(s), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",'@party,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\",TEXT,"), csv);
        String dsr = new String(DsrStyleReport.export(s, "FAIRSHARE", Instant.parse("2026-12-01T09:30:00Z")), StandardCharsets.UTF_8);
        assertTrue(dsr.contains("\t'=HYPERLINK(\"http://evil.example/\",\"open\")\tTEXT\n"), dsr);
        assertTrue(dsr.contains("\t'@party\t"), dsr);
        for (String cell : (csv + dsr).split("[,\t\r\n]")) {
            String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertFalse(bare.startsWith("=") || bare.startsWith("@"), "a cell a spreadsheet would run: " + cell);
        }
    }

    @Test
    void jsonExportIsTheCanonicalForm() {
        assertArrayEquals(s1.canonicalForm(), StatementJson.export(s1));
        assertArrayEquals(p1.canonicalForm(), StatementJson.export(p1));
    }
}
