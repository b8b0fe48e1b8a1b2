package io.fairshare.contracts.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IdentifierKeyTest {

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource(delimiter = '|', textBlock = """
            iswc:T0345246801                         | ISWC   | T0345246801
            iswc:T-034.524.680-1                     | ISWC   | T0345246801
            ISWC:t-034.524.680-1                     | ISWC   | T0345246801
            isbn:0-306-40615-2                       | ISBN   | 9780306406157
            isbn13:978-0-306-40615-7                 | ISBN   | 9780306406157
            isrc:us-rc1-76-07839                     | ISRC   | USRC17607839
            isan:0000-0000-D07A-0090-Q-0000-0000-X   | ISAN   | 00000000D07A009000000000
            doi:10.1000/ABC                          | DOI    | 10.1000/abc
            doi:doi:10.1000/ABC                      | DOI    | 10.1000/abc
            url:HTTPS://Example.com/a/?utm_source=x  | URL    | https://example.com/a
            sha-256:sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | SHA256 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
    void aKeyIsParsedAndItsValueNormalised(String key, IdScheme scheme, String canonical) {
        assertEquals(IdResult.ok(new WorkId(scheme, canonical)), Identifiers.parseKey(key));
    }

    @Test
    void theKeyOfANormalisedIdParsesBackToTheSameId() {
        WorkId id = Identifiers.normalize(IdScheme.URL, "https://Example.com:443/a?b=2&a=1#x").id();
        assertEquals("url:https://example.com/a?a=1&b=2", id.key());
        assertEquals(IdResult.ok(id), Identifiers.parseKey(id.key()));
    }

    @Test
    void aBadValueInAKeyReportsTheSchemesCode() {
        IdResult r = Identifiers.parseKey("iswc:T-034.524.680-2");
        assertEquals("ISWC_CHECK_DIGIT", r.errorCode());
        assertEquals("ISWC_MISSING", Identifiers.parseKey("iswc:").errorCode());
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(
                Arguments.of(null, "KEY_MISSING"),
                Arguments.of("", "KEY_MISSING"),
                Arguments.of("T0345246801", "KEY_FORMAT"),
                Arguments.of(":T0345246801", "KEY_FORMAT"),
                Arguments.of("issn:1234-5678", "KEY_SCHEME_UNKNOWN"),
                Arguments.of("work:T0345246801", "KEY_SCHEME_UNKNOWN"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidKeys")
    void malformedKeysAreRejectedWithTheirCode(String key, String code) {
        IdResult r = Identifiers.parseKey(key);
        assertFalse(r.isOk());
        assertEquals(code, r.errorCode(), r::message);
    }

    @Test
    void anUnknownSchemeMessageListsTheKnownOnes() {
        assertEquals("identifier key scheme must be one of iswc, isrc, isbn, isan, doi, url, sha256; was \"issn\" in \"issn:1234-5678\"",
                Identifiers.parseKey("issn:1234-5678").message());
    }
}
