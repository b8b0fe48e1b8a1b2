package io.fairshare.settlement.domain.canonical;

import io.fairshare.contracts.canonical.CanonicalJson;

import io.fairshare.settlement.domain.statement.CanonicalForm;

import io.fairshare.settlement.domain.close.Fixtures;

import io.fairshare.settlement.domain.close.StatementCalculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** {@link CanonicalJson} against RFC 8785's examples and an independent JCS implementation. */
class CanonicalJsonRfc8785Test {

    /** RFC 8785 section 3.2.3: members sorted by the UTF-16 code units of their names. */
    @Test
    void rfc8785SortingExample() {
        String json = new CanonicalJson().beginObject()
                .field("\u20ac", "Euro Sign")
                .field("\r", "Carriage Return")
                .field("\ufb33", "Hebrew Letter Dalet With Dagesh")
                .field("1", "One")
                .field("\ud83d\ude00", "Emoji: Grinning Face")
                .field("\u0080", "Control")
                .field("\u00f6", "Latin Small Letter O With Diaeresis")
                .endObject().toString();
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", json);
    }

    /** RFC 8785 section 3.2.2's string and literals (its numbers are floating point, which Fairshare never writes). */
    @Test
    void rfc8785StringAndLiteralsExample() {
        String json = new CanonicalJson().beginObject()
                .name("string").value("\u20ac$" + (char) 0x0f + "\nA'B\"\\\\\"/") // the RFC's string, its JSON escapes decoded
                .name("literals").beginArray().value((String) null).value(true).value(false).endArray()
                .endObject().toString();
        assertEquals("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", json);
    }

    /** RFC 8785 appendix B: integers within IEEE 754's exact range print as plain integers; beyond it Fairshare refuses. */
    @Test
    void integersStayWithinIJsonsExactRange() {
        assertEquals("[0,-1,9007199254740991,-9007199254740991]", new CanonicalJson().beginArray()
                .value(0).value(-1).value(9007199254740991L).value(-9007199254740991L).endArray().toString());
        assertThrows(IllegalArgumentException.class, () -> new CanonicalJson().beginArray().value(9007199254740992L));
    }

    @Test
    void loneSurrogatesAndRepeatedNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalJson().value("a\ud800b"));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalJson().value("\udc00"));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalJson().beginObject().field("a", 1).field("a", 2));
    }

    /** Random names and values, written in random order: an independent JCS implementation finds nothing to change. */
    @Test
    void anIndependentImplementationAgreesOnRandomDocuments() throws Exception {
        Random random = new Random(8785);
        for (int doc = 0; doc < 500; doc++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                names.add(randomText(random));
            }
            List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(names));
            Collections.shuffle(distinct, random);
            CanonicalJson j = new CanonicalJson().beginObject();
            for (String n : distinct) {
                switch (random.nextInt(4)) {
                    case 0 -> j.field(n, randomText(random));
                    case 1 -> j.field(n, random.nextLong() % 9007199254740991L);
                    case 2 -> j.name(n).beginObject().field(randomText(random), random.nextBoolean()).field("z" + n, (String) null).endObject();
                    default -> j.name(n).beginArray().value(randomText(random)).value(random.nextInt()).endArray();
                }
            }
            String ours = j.endObject().toString();
            assertEquals(new JsonCanonicalizer(ours).getEncodedString(), ours);
        }
    }

    @Test
    void aStatementsCanonicalFormIsJcs() throws Exception {
        String statement = CanonicalForm.asString(Fixtures.issued(new StatementCalculator(Fixtures.KRW_CONFIG).closeEvents(Fixtures.NOV,
                List.of(Fixtures.event("P1", "e1", "W,\"1\" 작품", io.fairshare.contracts.usage.UsageType.PRE_TRAINING, 1_234_567,
                        io.fairshare.contracts.usage.UnitKind.TOKENS, Fixtures.MID_NOV, Fixtures.licensed("A", "S1", 10_000, "T-RATE"))),
                Fixtures.tariffs(Fixtures.rates("T-RATE", Fixtures.rate(io.fairshare.contracts.usage.UsageType.PRE_TRAINING,
                        io.fairshare.contracts.usage.UnitKind.TOKENS, "1.2", 1000))), Fixtures.statutory(), List.of()))
                .societyStatements().get(0).canonicalForm());
        assertEquals(new JsonCanonicalizer(statement).getEncodedString(), statement);
    }

    /** Letters, digits, controls, quotes, backslashes, Hangul and astral characters (as surrogate pairs). */
    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < random.nextInt(8); i++) {
            int kind = random.nextInt(6);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> "\"\\/'".charAt(random.nextInt(4));
                case 2 -> 0x20 + random.nextInt(0x5f);
                case 3 -> 0xac00 + random.nextInt(11172);
                case 4 -> 0x80 + random.nextInt(0x780);
                default -> 0x1f600 + random.nextInt(80);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
