package io.fairshare.settlement.domain.statement;


import io.fairshare.contracts.canonical.CanonicalJson;
import io.fairshare.settlement.domain.close.Fixtures;

import io.fairshare.settlement.domain.close.StatementCalculator;
import io.fairshare.settlement.domain.tariff.Tariff;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.money.CurrencyUnit;
import static io.fairshare.contracts.usage.UnitKind.TOKENS;
import static io.fairshare.contracts.usage.UsageType.PRE_TRAINING;
import static io.fairshare.settlement.domain.close.Fixtures.MID_NOV;
import static io.fairshare.settlement.domain.close.Fixtures.NOV;
import static io.fairshare.settlement.domain.close.Fixtures.event;
import static io.fairshare.settlement.domain.close.Fixtures.issued;
import static io.fairshare.settlement.domain.close.Fixtures.licensed;
import static io.fairshare.settlement.domain.close.Fixtures.rate;
import static io.fairshare.settlement.domain.close.Fixtures.rates;
import static io.fairshare.settlement.domain.close.Fixtures.statutory;
import static io.fairshare.settlement.domain.close.Fixtures.tariffs;
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
        String expected = "{\"adjustments\":[],\"byPlatform\":[{\"amount\":\"1481\",\"platformId\":\"P1\"}],\"currency\":\"KRW\",\"held\":[],"
                + "\"lines\":[{\"amount\":\"1481\",\"attributedUnits\":\"1234567\",\"backClaim\":false,\"correctsPeriod\":null,\"disputed\":false,"
                + "\"events\":1,\"partyId\":\"A\",\"platformId\":\"P1\",\"pricedWith\":\"T-RATE\",\"societyId\":\"S1\",\"status\":\"LICENSED\","
                + "\"tariffId\":\"T-RATE\",\"unitKind\":\"tokens\",\"units\":1234567,\"usageType\":\"pre-training\",\"workCategory\":\"TEXT\","
                + "\"workId\":\"W1\"}],"
                + "\"payee\":{\"id\":\"S1\",\"kind\":\"SOCIETY\"},"
                + "\"period\":{\"firstDay\":\"2026-11-01\",\"id\":\"2026-11\",\"lastDay\":\"2026-11-30\",\"zone\":\"Asia/Seoul\"},"
                + "\"rounding\":{\"groupTotal\":\"HALF_UP\",\"lines\":\"largest-remainder\"},"
                + "\"schema\":\"fairshare.settlement.society-statement.v1\",\"statementId\":\"2026-11/society/S1\","
                + "\"tariffApplications\":[{\"attributedUnits\":\"1234567\",\"distinctWorks\":1,\"lines\":1,\"minimumFee\":null,"
                + "\"minimumFeeApplied\":false,\"platformId\":\"P1\",\"revenueDeclared\":null,\"revenuePool\":null,\"statutory\":false,"
                + "\"tariffId\":\"T-RATE\",\"trainingFee\":null}],"
                + "\"totals\":{\"adjustments\":\"0\",\"held\":\"0\",\"lines\":\"1481\",\"total\":\"1481\",\"unlicensed\":\"0\",\"violations\":\"0\"},"
                + "\"violations\":[]}";
        assertEquals(expected, CanonicalForm.asString(s.canonicalForm()));
        // Computed independently: printf '%s' "$expected" | sha256sum
        assertEquals("b7fec452624cc8a4fbdf072b0438091138e2ed1289ea5332f76eb2fef39e99c2", s.sha256());
    }

    @Test
    void aPlatformStatementHasItsOwnCanonicalJson() {
        PlatformStatement p = closeOneLine().platformStatements().get(0);
        String json = CanonicalForm.asString(p.canonicalForm());
        assertEquals("{\"currency\":\"KRW\",\"disputed\":[],"
                + "\"owed\":[{\"adjustments\":\"0\",\"lines\":\"1481\",\"payee\":{\"id\":\"S1\",\"kind\":\"SOCIETY\"},\"total\":\"1481\",\"violations\":\"0\"}],"
                + "\"period\":{\"firstDay\":\"2026-11-01\",\"id\":\"2026-11\",\"lastDay\":\"2026-11-30\",\"zone\":\"Asia/Seoul\"},"
                + "\"platformId\":\"P1\",\"rounding\":{\"groupTotal\":\"HALF_UP\",\"lines\":\"largest-remainder\"},"
                + "\"schema\":\"fairshare.settlement.platform-statement.v1\",\"statementId\":\"2026-11/platform/P1\",",
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
        assertEquals("{\"a\":\"1.23\",\"b\":\"1000\",\"c\":\"0\",\"d\":null,\"list\":[1,true,null],\"usd\":\"12.30\","
                + "\"work\":\"작품 \\\"1\\\"\\n\\\\\\u0001\"}", json);
    }
}
