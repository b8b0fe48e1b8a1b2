package io.fairshare.contracts.transparency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented line form, byte for byte, and the fast writer held to the general RFC 8785 writer. */
class StatementLinesTest {

    @Test
    void aLineHasTheDocumentedCanonicalForm() {
        List<StatementLines.Line> lines = StatementLines.of(VerifierTest.statement("S-2026-11-KOMCA", "2026-11"));
        assertEquals(3, lines.size());
        assertEquals("{\"addressee\":{\"id\":\"KOMCA\",\"kind\":\"SOCIETY\"},\"amountMinor\":371,\"attributedUnits\":\"3\",\"backClaim\":false,"
                + "\"correctsPeriod\":null,\"currency\":\"KRW\",\"disputed\":false,\"events\":3,\"lineNumber\":1,\"partyId\":\"party-b\","
                + "\"periodId\":\"2026-11\",\"platformId\":\"plat-1\",\"pricedWith\":\"t-1\",\"schema\":\"fairshare.transparency.statement-line.v1\","
                + "\"section\":\"lines\",\"societyId\":\"KOMCA\",\"statementId\":\"S-2026-11-KOMCA\",\"status\":\"LICENSED\",\"tariffId\":\"t-1\","
                + "\"unitKind\":\"tokens\",\"units\":250,\"usageType\":\"pre-training\",\"workCategory\":\"book\",\"workId\":\"work-2\"}",
                new String(lines.get(1).canonical(), StandardCharsets.UTF_8));
        assertEquals("adjustments", lines.get(2).section());
        assertEquals(0, lines.get(2).lineNumber());
        // leaf = SHA-256(0x00 || bytes)
        byte[] bytes = lines.get(1).canonical();
        byte[] prefixed = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, prefixed, 1, bytes.length);
        assertArrayEquals(MerkleTree.sha256().digest(prefixed), lines.get(1).leafHash());
    }

    @Test
    void theFastWriterEqualsTheGeneralCanonicalWriter() {
        Map<String, Object> line = JsonText.object(JsonText.parse("{\"platformId\":\"p\\u00e9\\n\",\"societyId\":null,\"partyId\":\"\\\"q\\\\\","
                + "\"workId\":\"\\ud83d\\ude00\",\"workCategory\":\"\\u0001\",\"usageType\":\"u\",\"unitKind\":\"k\",\"status\":\"S\",\"tariffId\":null,"
                + "\"pricedWith\":\"\u20ac\",\"disputed\":true,\"backClaim\":true,\"correctsPeriod\":\"2026-09\",\"events\":9007199254740991,"
                + "\"units\":-5,\"attributedUnits\":\"1.2500\",\"amount\":\"1\"}"), "line");
        assertArrayEquals(StatementLines.canonicalByTree("p", "s\t", "held", 7, "EUR", "PARTY", "\u00f6", line, -12, "x"),
                StatementLines.canonical("p", "s\t", "held", 7, "EUR", "PARTY", "\u00f6", line, -12, "x"));
    }

    @Test
    void aPlatformStatementsLinesAreAddressedToThePlatform() {
        String platform = "{\"schema\":\"fairshare.settlement.platform-statement.v1\",\"statementId\":\"P-1\",\"period\":{\"id\":\"2026-11\"},"
                + "\"platformId\":\"plat-1\",\"currency\":\"USD\",\"owed\":[],\"unclaimed\":[{\"platformId\":\"plat-1\",\"societyId\":null,"
                + "\"partyId\":null,\"workId\":\"w\",\"workCategory\":null,\"usageType\":\"rag\",\"unitKind\":\"tokens\",\"status\":\"UNCLAIMED\","
                + "\"tariffId\":null,\"pricedWith\":\"t\",\"disputed\":false,\"backClaim\":false,\"correctsPeriod\":null,\"events\":1,\"units\":2,"
                + "\"attributedUnits\":\"2\",\"amount\":\"0.07\"}],\"disputed\":[]}";
        StatementLines.Line l = StatementLines.of(platform).get(0);
        String text = new String(l.canonical(), StandardCharsets.UTF_8);
        assertEquals("P-1 unclaimed[0]", l.ref());
        assertEquals(true, text.startsWith("{\"addressee\":{\"id\":\"plat-1\",\"kind\":\"PLATFORM\"},\"amountMinor\":7,"), text);
        assertEquals(64, HexFormat.of().formatHex(l.leafHash()).length());
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyIsRefused() {
        String s = VerifierTest.statement("S-1", "2026-11").replace("\"amount\":\"371\"", "\"amount\":\"371.5\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatementLines.of(s));
        assertEquals("S-1 lines[1]: amount 371.5 has more decimals than KRW has", e.getMessage());
    }
}
