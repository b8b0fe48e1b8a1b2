package io.fairshare.contracts.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.PartyIds.PartyIdResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PartyIdsTest {

    static final Set<String> DOCUMENTED_CODES = Set.of(
            "ISNI_MISSING", "ISNI_FORMAT", "ISNI_CHECK_CHARACTER",
            "IPI_MISSING", "IPI_FORMAT", "IPI_CHECK_DIGITS");

    /** Real ISNIs (the first from the ISNI range, the others ORCID iDs, which are ISNIs) and one with check 0. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000 0001 2281 955X        | 000000012281955X
            ISNI 0000 0001 2281 955X   | 000000012281955X
            isni:0000000122819 55x     | 000000012281955X
            0000-0002-1825-0097        | 0000000218250097
            0000-0002-1694-233X        | 000000021694233X
            0009-0001-5055-9262        | 0009000150559262
            0000 0001 2345 6180        | 0000000123456180
            '  000000012281955X '      | 000000012281955X
            """)
    void validIsnisNormaliseToSixteenCharacters(String raw, String canonical) {
        assertEquals(PartyIdResult.ok(canonical), PartyIds.normalizeIsni(raw));
    }

    /** Brian May, Basshunter and Benny Hill as published with their holders; the rest computed edge cases. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00087038166      | 00087038166
            00494248817      | 00494248817
            00014107338      | 00014107338
            14107338         | 00014107338
            IPI 000 141 073 38 | 00014107338
            000.870.381-66   | 00087038166
            41921363700      | 41921363700
            84130265400      | 84130265400
            """)
    void validIpiNameNumbersArePaddedToElevenDigits(String raw, String canonical) {
        assertEquals(PartyIdResult.ok(canonical), PartyIds.normalizeIpi(raw));
    }

    /** Input, expected code, and a fragment the message must contain (which rule fired). */
    static Stream<Arguments> invalidIsnis() {
        return Stream.of(
                Arguments.of(null, "ISNI_MISSING", "null"),
                Arguments.of(" ", "ISNI_MISSING", "blank"),
                Arguments.of("ISNI", "ISNI_MISSING", "holds no number"),
                Arguments.of("0000 0001 2281 95X5", "ISNI_FORMAT", "has 'X'"),
                Arguments.of("0000 0001 2281 955Y", "ISNI_FORMAT", "has 'Y'"),
                Arguments.of("0000/0001/2281/955X", "ISNI_FORMAT", "has '/'"),
                Arguments.of("0000 0001 2281 955", "ISNI_FORMAT", "has 15 once"),
                Arguments.of("0000 0001 2281 9551 X", "ISNI_FORMAT", "has 17 once"),
                Arguments.of("0000 0001 2281 9550", "ISNI_CHECK_CHARACTER", "expected X"),
                Arguments.of("0000 0001 1111 955X", "ISNI_CHECK_CHARACTER", "has check character X"),
                Arguments.of("0000 0001 2345 618X", "ISNI_CHECK_CHARACTER", "expected 0"));
    }

    /** Input, expected code, and a fragment the message must contain (which rule fired). */
    static Stream<Arguments> invalidIpis() {
        return Stream.of(
                Arguments.of(null, "IPI_MISSING", "null"),
                Arguments.of("", "IPI_MISSING", "blank"),
                Arguments.of("IPI:", "IPI_MISSING", "holds no number"),
                Arguments.of("00000000000", "IPI_MISSING", "all zeros"),
                Arguments.of("0", "IPI_MISSING", "all zeros"),
                Arguments.of("I-000141073-8", "IPI_FORMAT", "has 'I'"),
                Arguments.of("0001410733A", "IPI_FORMAT", "has 'A'"),
                Arguments.of("000141073381", "IPI_FORMAT", "has 12"),
                Arguments.of("00014107339", "IPI_CHECK_DIGITS", "expected 38"),
                Arguments.of("00119750569", "IPI_CHECK_DIGITS", "expected 68"),
                Arguments.of("41921363701", "IPI_CHECK_DIGITS", "expected 00"),
                Arguments.of("1", "IPI_CHECK_DIGITS", "00000000001 has check digits 01"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidIsnis")
    void invalidIsnisAreRejectedWithTheirCode(String raw, String code, String fragment) {
        PartyIdResult r = PartyIds.normalizeIsni(raw);
        assertFalse(r.isOk(), () -> "accepted as " + r.value());
        assertEquals(code, r.errorCode(), r::message);
        assertTrue(r.message().contains(fragment), () -> "message \"" + r.message() + "\" should contain \"" + fragment + "\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidIpis")
    void invalidIpiNameNumbersAreRejectedWithTheirCode(String raw, String code, String fragment) {
        PartyIdResult r = PartyIds.normalizeIpi(raw);
        assertFalse(r.isOk(), () -> "accepted as " + r.value());
        assertEquals(code, r.errorCode(), r::message);
        assertTrue(r.message().contains(fragment), () -> "message \"" + r.message() + "\" should contain \"" + fragment + "\"");
    }

    @Test
    void everyDocumentedPartyErrorCodeIsProducedBySomeInput() {
        Set<String> hit = new TreeSet<>();
        invalidIsnis().forEach(a -> hit.add(PartyIds.normalizeIsni((String) a.get()[0]).errorCode()));
        invalidIpis().forEach(a -> hit.add(PartyIds.normalizeIpi((String) a.get()[0]).errorCode()));
        assertEquals(new TreeSet<>(DOCUMENTED_CODES), hit);
    }

    @Test
    void checkMessagesGiveTheExpectedCheck() {
        assertEquals("ISNI 0000 0001 2281 9550 has check character 0, expected X",
                PartyIds.normalizeIsni("0000 0001 2281 9550").message());
        assertEquals("IPI name number 00014107339 has check digits 39, expected 38",
                PartyIds.normalizeIpi("00014107339").message());
        assertEquals("IPI name number 00000000001 has check digits 01, expected 00",
                PartyIds.normalizeIpi("1").message());
    }
}
