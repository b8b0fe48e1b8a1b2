package io.fairshare.settlement.domain;

import io.fairshare.contracts.money.CurrencyUnit;
import static io.fairshare.contracts.usage.UnitKind.TOKENS;
import static io.fairshare.contracts.usage.UsageType.PRE_TRAINING;
import static io.fairshare.settlement.domain.Fixtures.MID_NOV;
import static io.fairshare.settlement.domain.Fixtures.NOV;
import static io.fairshare.settlement.domain.Fixtures.event;
import static io.fairshare.settlement.domain.Fixtures.issued;
import static io.fairshare.settlement.domain.Fixtures.licensed;
import static io.fairshare.settlement.domain.Fixtures.rate;
import static io.fairshare.settlement.domain.Fixtures.rates;
import static io.fairshare.settlement.domain.Fixtures.statutory;
import static io.fairshare.settlement.domain.Fixtures.tariffs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {
    private final StatementCalculator calculator = new StatementCalculator(Fixtures.KRW_CONFIG);

    private IssuedStatements closeOneLine() {
        Tariff t = rates("T-RATE", rate(PRE_TRAINING, TOKENS, "1.2", 1000));
        return issued(calculator.closeEvents(NOV,
                List.of(event("P1", "e1", "W1", PRE_TRAINING, 1_234_567, TOKENS, MID_NOV, licensed("A", "S1", 10_000, "T-RATE"))),
                tariffs(t), statutory(), List.of()));
    }

    @Test
    void aSocietyStatementHasOneCanonicalJsonAndItsSha256() {
        SocietyStatement s = closeOneLine().societyStatements().get(0);
        String expected = "{\"schema\":\"fairshare.settlement.society-statement.v1\",\"statementId\":\"2026-11/society/S1\","
                + "\"period\":{\"id\":\"2026-11\",\"zone\":\"Asia/Seoul\",\"firstDay\":\"2026-11-01\",\"lastDay\":\"2026-11-30\"},"
                + "\"payee\":{\"kind\":\"SOCIETY\",\"id\":\"S1\"},\"currency\":\"KRW\","
                + "\"rounding\":{\"lines\":\"largest-remainder\",\"groupTotal\":\"HALF_UP\"},"
                + "\"totals\":{\"lines\":\"1481\",\"unlicensed\":\"0\",\"adjustments\":\"0\",\"violations\":\"0\",\"total\":\"1481\",\"held\":\"0\"},"
                + "\"byPlatform\":[{\"platformId\":\"P1\",\"amount\":\"1481\"}],"
                + "\"tariffApplications\":[{\"platformId\":\"P1\",\"tariffId\":\"T-RATE\",\"statutory\":false,\"lines\":1,\"distinctWorks\":1,"
                + "\"attributedUnits\":\"1234567\",\"revenueDeclared\":null,\"revenuePool\":null,\"trainingFee\":null,\"minimumFee\":null,"
                + "\"minimumFeeApplied\":false}],"
                + "\"lines\":[{\"platformId\":\"P1\",\"societyId\":\"S1\",\"partyId\":\"A\",\"workId\":\"W1\",\"workCategory\":\"TEXT\","
                + "\"usageType\":\"pre-training\",\"unitKind\":\"tokens\",\"status\":\"LICENSED\",\"tariffId\":\"T-RATE\",\"pricedWith\":\"T-RATE\","
                + "\"disputed\":false,\"backClaim\":false,\"correctsPeriod\":null,\"events\":1,\"units\":1234567,\"attributedUnits\":\"1234567\","
                + "\"amount\":\"1481\"}],\"adjustments\":[],\"violations\":[],\"held\":[]}";
        assertEquals(expected, CanonicalForm.asString(s.canonicalForm()));
        // Computed independently: printf '%s' "$expected" | sha256sum
        assertEquals("3926c7988fb18f0635f4c424564fad0f15734d349327882ee11b234ee4c20eaf", s.sha256());
    }

    @Test
    void aPlatformStatementHasItsOwnCanonicalJson() {
        PlatformStatement p = closeOneLine().platformStatements().get(0);
        String json = CanonicalForm.asString(p.canonicalForm());
        assertEquals("{\"schema\":\"fairshare.settlement.platform-statement.v1\",\"statementId\":\"2026-11/platform/P1\","
                + "\"period\":{\"id\":\"2026-11\",\"zone\":\"Asia/Seoul\",\"firstDay\":\"2026-11-01\",\"lastDay\":\"2026-11-30\"},"
                + "\"platformId\":\"P1\",\"currency\":\"KRW\",\"rounding\":{\"lines\":\"largest-remainder\",\"groupTotal\":\"HALF_UP\"},"
                + "\"totals\":{\"owed\":\"1481\",\"unclaimedHeld\":\"0\",\"disputedHeld\":\"0\",\"total\":\"1481\",\"unlicensed\":\"0\",\"violations\":\"0\"},"
                + "\"owed\":[{\"payee\":{\"kind\":\"SOCIETY\",\"id\":\"S1\"},\"lines\":\"1481\",\"adjustments\":\"0\",\"violations\":\"0\",\"total\":\"1481\"}],",
                json.substring(0, json.indexOf("\"tariffApplications\"")));
        assertEquals(CanonicalForm.sha256Hex(p.canonicalForm()), p.sha256());
    }

    @Test
    void reRunningACloseYieldsTheSameBytes() {
        IssuedStatements a = closeOneLine();
        IssuedStatements b = closeOneLine();
        assertArrayEquals(a.societyStatements().get(0).canonicalForm(), b.societyStatements().get(0).canonicalForm());
        assertArrayEquals(a.platformStatements().get(0).canonicalForm(), b.platformStatements().get(0).canonicalForm());
    }

    @Test
    void stringsAreEscapedMinimallyAndDecimalsArePlainStrings() {
        String json = new CanonicalJson().beginObject()
                .field("work", "작품 \"1\"\n\\\u0001")
                .decimalField("a", new BigDecimal("1.2300"))
                .decimalField("b", new BigDecimal("1E+3"))
                .decimalField("c", new BigDecimal("0.000"))
                .decimalField("d", null)
                .moneyField("usd", Money.ofMinor(1230, CurrencyUnit.USD))
                .name("list").beginArray().value(1).value(true).value((String) null).endArray()
                .endObject().toString();
        assertEquals("{\"work\":\"작품 \\\"1\\\"\\n\\\\\\u0001\",\"a\":\"1.23\",\"b\":\"1000\",\"c\":\"0\",\"d\":null,\"usd\":\"12.30\","
                + "\"list\":[1,true,null]}", json);
    }
}
