package io.fairshare.contracts.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkIdentifierNormalizationTest {

    /** Every code the class documentation of {@link Identifiers} lists for normalize and parseKey. */
    static final Set<String> DOCUMENTED_CODES = Set.of(
            "ISWC_MISSING", "ISWC_FORMAT", "ISWC_CHECK_DIGIT",
            "ISBN_MISSING", "ISBN_FORMAT", "ISBN_PREFIX", "ISBN_CHECK_DIGIT",
            "ISRC_MISSING", "ISRC_FORMAT",
            "ISAN_MISSING", "ISAN_FORMAT", "ISAN_CHECK_CHARACTER",
            "DOI_MISSING", "DOI_TOO_LONG", "DOI_FORMAT",
            "URL_MISSING", "URL_TOO_LONG", "URL_SCHEME", "URL_USERINFO", "URL_FORMAT",
            "SHA256_MISSING", "SHA256_FORMAT",
            "KEY_MISSING", "KEY_FORMAT", "KEY_SCHEME_UNKNOWN");

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ISWC   | T-034.524.680-1                              | T0345246801
            ISWC   | T0345246801                                  | T0345246801
            ISWC   | t-034.524.680-1                              | T0345246801
            ISWC   | T 034 524 680 1                              | T0345246801
            ISWC   | ISWC T-034.524.680-1                         | T0345246801
            ISWC   | '  T0345246801  '                            | T0345246801
            ISWC   | T-000.000.001-0                              | T0000000010
            ISWC   | T-010.171.314-7                              | T0101713147
            ISBN   | 978-0-306-40615-7                            | 9780306406157
            ISBN   | 978 0 306 40615 7                            | 9780306406157
            ISBN   | ISBN 978-0-306-40615-7                       | 9780306406157
            ISBN   | ISBN-13: 978-0-306-40615-7                   | 9780306406157
            ISBN   | 978-3-16-148410-0                            | 9783161484100
            ISBN   | 979-10-90636-07-1                            | 9791090636071
            ISBN   | 0-306-40615-2                                | 9780306406157
            ISBN   | ISBN-10: 0-8044-2957-X                       | 9780804429573
            ISBN   | 080442957x                                   | 9780804429573
            ISRC   | US-RC1-76-07839                              | USRC17607839
            ISRC   | usrc17607839                                 | USRC17607839
            ISRC   | ISRC US-RC1-76-07839                         | USRC17607839
            ISRC   | ISRC:USRC17607839                            | USRC17607839
            ISRC   | ISRCUSRC17607839                             | USRC17607839
            ISRC   | AA-6Q7-20-00047                              | AA6Q72000047
            ISRC   | IS-RC1-20-00001                              | ISRC12000001
            ISAN   | ISAN 0000-0000-D07A-0090-Q-0000-0000-X       | 00000000D07A009000000000
            ISAN   | 0000-0000-D07A-0090-Q                        | 00000000D07A0090
            ISAN   | 00000000d07a0090                             | 00000000D07A0090
            ISAN   | 00000000D07A009000000000                     | 00000000D07A009000000000
            ISAN   | URN:ISAN:0000-0001-8CFA-0000-I-0000-0000-K   | 000000018CFA000000000000
            ISAN   | 1881-66C7-3420-6541-Y-9F3A-0245-O            | 188166C7342065419F3A0245
            ISAN   | 0000 3BAB 9352 0000 G                        | 00003BAB93520000
            ISAN   | B159-D8FA-0124-0000-K                        | B159D8FA01240000
            DOI    | 10.1000/182                                  | 10.1000/182
            DOI    | doi:10.1000/182                              | 10.1000/182
            DOI    | DOI: 10.1000/182                             | 10.1000/182
            DOI    | https://doi.org/10.1016/J.APM.2020.03.018    | 10.1016/j.apm.2020.03.018
            DOI    | http://dx.doi.org/10.1000/182                | 10.1000/182
            DOI    | HTTPS://www.doi.org/10.1000/182?x=1#frag     | 10.1000/182
            DOI    | https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0 | 10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0
            DOI    | 10.1000.10/ABC                               | 10.1000.10/abc
            DOI    | 10.1000/ÄBC#1                                | 10.1000/Äbc#1
            URL    | HTTPS://Example.COM:443/News/1/#top          | https://example.com/News/1
            SHA256 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            SHA256 | E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            SHA256 | sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            SHA256 | SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
    void validFormsNormaliseToTheirCanonicalForm(IdScheme scheme, String raw, String canonical) {
        IdResult r = Identifiers.normalize(scheme, raw);
        assertEquals(IdResult.ok(new WorkId(scheme, canonical)), r, () -> "message: " + r.message());
    }

    /** Scheme, input, expected code, and a fragment the message must contain (which rule fired). */
    static Stream<Arguments> invalidForms() {
        return Stream.of(
                Arguments.of(IdScheme.ISWC, null, "ISWC_MISSING", "null"),
                Arguments.of(IdScheme.ISWC, "   ", "ISWC_MISSING", "blank"),
                Arguments.of(IdScheme.ISWC, "ISWC", "ISWC_MISSING", "holds no code"),
                Arguments.of(IdScheme.ISWC, "0345246801", "ISWC_FORMAT", "must start with the letter T"),
                Arguments.of(IdScheme.ISWC, "X-034.524.680-1", "ISWC_FORMAT", "starts with 'X'"),
                Arguments.of(IdScheme.ISWC, "T-034.524.680", "ISWC_FORMAT", "has 9 digits after the T"),
                Arguments.of(IdScheme.ISWC, "T-034.524.680-12", "ISWC_FORMAT", "has 11 digits after the T"),
                Arguments.of(IdScheme.ISWC, "T-034.524.68A-1", "ISWC_FORMAT", "'A' where a digit belongs"),
                Arguments.of(IdScheme.ISWC, "T/034/524/680/1", "ISWC_FORMAT", "'/' where a digit belongs"),
                Arguments.of(IdScheme.ISWC, "T-034.524.680-2", "ISWC_CHECK_DIGIT", "expected 1"),
                Arguments.of(IdScheme.ISWC, "T-000.000.001-1", "ISWC_CHECK_DIGIT", "expected 0"),
                Arguments.of(IdScheme.ISBN, "", "ISBN_MISSING", "blank"),
                Arguments.of(IdScheme.ISBN, "ISBN ", "ISBN_MISSING", "holds no number"),
                Arguments.of(IdScheme.ISBN, "978-0-306-4O615-7", "ISBN_FORMAT", "has 'O'"),
                Arguments.of(IdScheme.ISBN, "08044X9570", "ISBN_FORMAT", "has 'X'"),
                Arguments.of(IdScheme.ISBN, "978030640615X", "ISBN_FORMAT", "has 'X'"),
                Arguments.of(IdScheme.ISBN, "978-0-306-40615", "ISBN_FORMAT", "has 12 once"),
                Arguments.of(IdScheme.ISBN, "12345", "ISBN_FORMAT", "has 5 once"),
                Arguments.of(IdScheme.ISBN, "977-0-306-40615-8", "ISBN_PREFIX", "starts with 977"),
                Arguments.of(IdScheme.ISBN, "978-0-306-40615-8", "ISBN_CHECK_DIGIT", "expected 7"),
                Arguments.of(IdScheme.ISBN, "978-3-16-148410-1", "ISBN_CHECK_DIGIT", "expected 0"),
                Arguments.of(IdScheme.ISBN, "0-306-40615-3", "ISBN_CHECK_DIGIT", "expected 2"),
                Arguments.of(IdScheme.ISBN, "0-8044-2957-0", "ISBN_CHECK_DIGIT", "expected X"),
                Arguments.of(IdScheme.ISRC, "\t", "ISRC_MISSING", "blank"),
                Arguments.of(IdScheme.ISRC, "ISRC:", "ISRC_MISSING", "holds no code"),
                Arguments.of(IdScheme.ISRC, "US-RC1-76-0783", "ISRC_FORMAT", "has 11 once"),
                Arguments.of(IdScheme.ISRC, "US-RC1-76-078391", "ISRC_FORMAT", "has 13 once"),
                Arguments.of(IdScheme.ISRC, "U1-RC1-76-07839", "ISRC_FORMAT", "country code"),
                Arguments.of(IdScheme.ISRC, "US-R_1-76-07839", "ISRC_FORMAT", "registrant code"),
                Arguments.of(IdScheme.ISRC, "US-RC1-7A-07839", "ISRC_FORMAT", "year"),
                Arguments.of(IdScheme.ISRC, "US-RC1-76-0783A", "ISRC_FORMAT", "designation code"),
                Arguments.of(IdScheme.ISAN, null, "ISAN_MISSING", "null"),
                Arguments.of(IdScheme.ISAN, "ISAN", "ISAN_MISSING", "holds no number"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07G-0090", "ISAN_FORMAT", "must be hex digits"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07A-0090-#", "ISAN_FORMAT", "check characters must be 0-9 or A-Z"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07A", "ISAN_FORMAT", "has 12 characters"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07A-0090-Q-0000-0000", "ISAN_FORMAT", "has 25 characters"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07A-0090-R-0000-0000-X", "ISAN_CHECK_CHARACTER", "after the episode, expected Q"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07A-0090-Q-0000-0000-Y", "ISAN_CHECK_CHARACTER", "after the version, expected X"),
                Arguments.of(IdScheme.ISAN, "0000-0000-D07A-0090-Q-0000-0001-X", "ISAN_CHECK_CHARACTER", "after the version"),
                Arguments.of(IdScheme.DOI, "", "DOI_MISSING", "blank"),
                Arguments.of(IdScheme.DOI, "doi:", "DOI_MISSING", "no DOI name"),
                Arguments.of(IdScheme.DOI, "10.1000/" + "a".repeat(2041), "DOI_TOO_LONG", "2049 characters"),
                Arguments.of(IdScheme.DOI, "https://doi.org/10.1000/abc%2", "DOI_FORMAT", "not followed by two hex digits"),
                Arguments.of(IdScheme.DOI, "https://doi.org/10.1000/%FF", "DOI_FORMAT", "not UTF-8"),
                Arguments.of(IdScheme.DOI, "10.1000/a b", "DOI_FORMAT", "whitespace"),
                Arguments.of(IdScheme.DOI, "https://doi.org/10.1000/a%20b", "DOI_FORMAT", "whitespace"),
                Arguments.of(IdScheme.DOI, "10.1000/a\u0001b", "DOI_FORMAT", "control characters"),
                Arguments.of(IdScheme.DOI, "11.1000/abc", "DOI_FORMAT", "starts with \"11.1000\""),
                Arguments.of(IdScheme.DOI, "10.abc/def", "DOI_FORMAT", "starts with \"10.abc\""),
                Arguments.of(IdScheme.DOI, "10./abc", "DOI_FORMAT", "starts with \"10.\""),
                Arguments.of(IdScheme.DOI, "doi:1000/abc", "DOI_FORMAT", "starts with \"1000\""),
                Arguments.of(IdScheme.DOI, "https://example.org/10.1000/abc", "DOI_FORMAT", "starts with \"https:\""),
                Arguments.of(IdScheme.DOI, "10.1000", "DOI_FORMAT", "must have a suffix"),
                Arguments.of(IdScheme.DOI, "10.1000/", "DOI_FORMAT", "must have a suffix"),
                Arguments.of(IdScheme.URL, "", "URL_MISSING", "blank"),
                Arguments.of(IdScheme.URL, "https://example.com/" + "a".repeat(2029), "URL_TOO_LONG", "2049 characters"),
                Arguments.of(IdScheme.URL, "https://example.com/a b", "URL_FORMAT", "whitespace"),
                Arguments.of(IdScheme.URL, "ftp://example.com/file", "URL_SCHEME", "uses \"ftp\""),
                Arguments.of(IdScheme.URL, "https://user:pass@example.com/a", "URL_USERINFO", "user information"),
                Arguments.of(IdScheme.SHA256, " ", "SHA256_MISSING", "blank"),
                Arguments.of(IdScheme.SHA256, "e3b0c442", "SHA256_FORMAT", "has 8"),
                Arguments.of(IdScheme.SHA256, "sha256:", "SHA256_FORMAT", "has 0"),
                Arguments.of(IdScheme.SHA256, "sha-256:" + EMPTY_SHA256, "SHA256_FORMAT", "has 72"),
                Arguments.of(IdScheme.SHA256, EMPTY_SHA256.substring(0, 63) + "g", "SHA256_FORMAT", "'g' at position 64"),
                Arguments.of(IdScheme.SHA256, "z".repeat(64), "SHA256_FORMAT", "'z' at position 1"),
                Arguments.of(IdScheme.SHA256, "0x" + EMPTY_SHA256.substring(2), "SHA256_FORMAT", "'x' at position 2"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("invalidForms")
    void invalidFormsAreRejectedWithTheirCode(IdScheme scheme, String raw, String code, String fragment) {
        IdResult r = Identifiers.normalize(scheme, raw);
        assertFalse(r.isOk(), () -> "accepted as " + r.id());
        assertNull(r.id());
        assertEquals(code, r.errorCode(), r::message);
        assertTrue(r.message().contains(fragment), () -> "message \"" + r.message() + "\" should contain \"" + fragment + "\"");
    }

    @Test
    void everyDocumentedErrorCodeIsProducedBySomeInput() {
        Set<String> hit = new TreeSet<>();
        invalidForms().forEach(a -> hit.add(Identifiers.normalize((IdScheme) a.get()[0], (String) a.get()[1]).errorCode()));
        UrlCanonicalFormTest.invalidUrls().forEach(a -> hit.add(Identifiers.normalize(IdScheme.URL, (String) a.get()[0]).errorCode()));
        IdentifierKeyTest.invalidKeys().forEach(a -> hit.add(Identifiers.parseKey((String) a.get()[0]).errorCode()));
        assertEquals(new TreeSet<>(DOCUMENTED_CODES), hit);
    }

    @Test
    void checkDigitMessageQuotesTheInputAndBothDigits() {
        assertEquals("ISWC T-034.524.680-2 has check digit 2, expected 1",
                Identifiers.normalize(IdScheme.ISWC, "T-034.524.680-2").message());
        assertEquals("ISBN 978-0-306-40615-8 has check digit 8, expected 7",
                Identifiers.normalize(IdScheme.ISBN, "978-0-306-40615-8").message());
        assertEquals("ISBN-10 0-8044-2957-0 has check digit 0, expected X",
                Identifiers.normalize(IdScheme.ISBN, "0-8044-2957-0").message());
        assertEquals("ISAN 0000-0000-D07A-0090-R has check character R after the episode, expected Q",
                Identifiers.normalize(IdScheme.ISAN, "0000-0000-D07A-0090-R").message());
        assertEquals("ISAN 0000-0000-D07A-0090-Q-0000-0000-Y has check character Y after the version, expected X",
                Identifiers.normalize(IdScheme.ISAN, "0000-0000-D07A-0090-Q-0000-0000-Y").message());
    }

    @Test
    void formatMessagesSayWhatWasWrong() {
        assertEquals("ISBN must have 13 digits (or 10 for an ISBN-10); \"978-0-306-40615\" has 12 once hyphens and spaces are removed",
                Identifiers.normalize(IdScheme.ISBN, "978-0-306-40615").message());
        assertEquals("ISRC \"US-RC1-7A-07839\" is not of the form CC-XXX-YY-NNNNN: the year (characters 6-7) must be digits, found 'A'",
                Identifiers.normalize(IdScheme.ISRC, "US-RC1-7A-07839").message());
        assertEquals("ISWC is missing: the value is null", Identifiers.normalize(IdScheme.ISWC, null).message());
        assertEquals("SHA-256 must be 64 hex digits (optionally after sha256:); \"e3b0c442\" has 8",
                Identifiers.normalize(IdScheme.SHA256, "e3b0c442").message());
        assertEquals("DOI must start with 10. and the registrant's digits, e.g. 10.1000/xyz; \"11.1000/abc\" starts with \"11.1000\"",
                Identifiers.normalize(IdScheme.DOI, "11.1000/abc").message());
    }

    @Test
    void longInputIsCutInMessagesAndControlCharactersAreEscaped() {
        String m = Identifiers.normalize(IdScheme.ISRC, "X".repeat(500)).message();
        assertTrue(m.contains("\"" + "X".repeat(80) + "...\""), m);
        assertTrue(m.length() < 250, m);
        String d = Identifiers.normalize(IdScheme.DOI, "10.1000/a\u0001b").message();
        assertEquals("DOI must not contain control characters; \"10.1000/a\\u0001b\" has U+0001", d);
    }

    @Test
    void anIsbn10AndItsIsbn13AreTheSameWork() {
        assertEquals(Identifiers.normalize(IdScheme.ISBN, "0-306-40615-2"), Identifiers.normalize(IdScheme.ISBN, "978-0-306-40615-7"));
    }

    @Test
    void doiCaseDoesNotMakeADifferentWork() {
        assertEquals(Identifiers.normalize(IdScheme.DOI, "10.1016/j.apm.2020.03.018"),
                Identifiers.normalize(IdScheme.DOI, "https://doi.org/10.1016/J.APM.2020.03.018"));
    }

    @Test
    void aNullSchemeIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> Identifiers.normalize(null, "T0345246801"));
    }

    @Test
    void doiAtTheLengthLimitIsAccepted() {
        String atLimit = "10.1000/" + "a".repeat(2040);
        assertEquals(2048, atLimit.length());
        assertEquals(atLimit, Identifiers.normalize(IdScheme.DOI, atLimit).id().value());
    }
}
