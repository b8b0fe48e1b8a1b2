package io.fairshare.contracts.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UrlCanonicalFormTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://Example.COM/News/1                          | https://example.com/News/1
            http://example.com:80/a                             | http://example.com/a
            https://example.com:443/a                           | https://example.com/a
            http://example.com:443/a                            | http://example.com:443/a
            https://example.com:80/a                            | https://example.com:80/a
            https://example.com:8443/a                          | https://example.com:8443/a
            https://example.com:08443/a                         | https://example.com:8443/a
            https://example.com:/a                              | https://example.com/a
            https://example.com/a#section-2                     | https://example.com/a
            https://example.com/a?utm_source=x&utm_medium=y&id=7 | https://example.com/a?id=7
            https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&UTM_Campaign=7 | https://example.com/a
            https://example.com/a?utm=1&ref=home&utmx_a=2       | https://example.com/a?ref=home&utm=1&utmx_a=2
            https://example.com/a?b=2&a=1&c=3                   | https://example.com/a?a=1&b=2&c=3
            https://example.com/a?tag=z&page=2&tag=a            | https://example.com/a?page=2&tag=z&tag=a
            https://example.com/a?B=1&a=2                       | https://example.com/a?B=1&a=2
            https://example.com/a/                              | https://example.com/a
            https://example.com/a//                             | https://example.com/a
            https://example.com/a/b/                            | https://example.com/a/b
            https://example.com/                                | https://example.com
            https://example.com                                 | https://example.com
            https://example.com//                               | https://example.com
            https://example.com/?page=2                         | https://example.com?page=2
            https://example.com?page=2                          | https://example.com?page=2
            https://example.com/a?                              | https://example.com/a
            https://example.com/a?&&b=1&                        | https://example.com/a?b=1
            https://example.com/a/?b=1#x                        | https://example.com/a?b=1
            https://example.com/caf%c3%a9?q=%e2%82%ac           | https://example.com/caf%C3%A9?q=%E2%82%AC
            https://example.com/a%2fb/                          | https://example.com/a%2Fb
            https://example.com/a/./b/../c                      | https://example.com/a/./b/../c
            https://Bücher.Example/Straße                       | https://bücher.example/Straße
            http://[2001:DB8::1]:8080/a                         | http://[2001:db8::1]:8080/a
            http://[2001:db8::1]:80/                            | http://[2001:db8::1]
            http://192.168.0.1:8080/x                           | http://192.168.0.1:8080/x
            https://example.com./a                              | https://example.com./a
            '  https://example.com/a  '                         | https://example.com/a
            https://news.example.co.kr/article/2026/01/15/ABC123?utm_source=naver&utm_medium=referral&oid=001&aid=0012345 | https://news.example.co.kr/article/2026/01/15/ABC123?aid=0012345&oid=001
            """)
    void urlsNormaliseToTheirCanonicalForm(String raw, String canonical) {
        IdResult r = Identifiers.normalize(IdScheme.URL, raw);
        assertEquals(IdResult.ok(new WorkId(IdScheme.URL, canonical)), r, () -> "message: " + r.message());
    }

    /** Input, expected code, and a fragment the message must contain (which rule fired). */
    static Stream<Arguments> invalidUrls() {
        return Stream.of(
                Arguments.of(null, "URL_MISSING", "null"),
                Arguments.of("  ", "URL_MISSING", "blank"),
                Arguments.of("https://example.com/" + "a".repeat(2029), "URL_TOO_LONG", "2049 characters"),
                Arguments.of("https://example.com/a b", "URL_FORMAT", "whitespace"),
                Arguments.of("https://example.com/a\u00A0b", "URL_FORMAT", "U+00A0"),
                Arguments.of("https://exa mple.com/", "URL_FORMAT", "whitespace"),
                Arguments.of("https://example.com/a\u0007", "URL_FORMAT", "control characters"),
                Arguments.of("https://example.com\\@evil.example/", "URL_FORMAT", "backslashes"),
                Arguments.of("example.com/a", "URL_FORMAT", "must be absolute"),
                Arguments.of("//example.com/a", "URL_FORMAT", "must be absolute"),
                Arguments.of("/news/1", "URL_FORMAT", "must be absolute"),
                Arguments.of("https:example.com/a", "URL_FORMAT", "starting with https://"),
                Arguments.of("ftp://example.com/file", "URL_SCHEME", "uses \"ftp\""),
                Arguments.of("FTP://example.com/file", "URL_SCHEME", "uses \"ftp\""),
                Arguments.of("mailto:editor@example.com", "URL_SCHEME", "uses \"mailto\""),
                Arguments.of("javascript:alert(1)", "URL_SCHEME", "uses \"javascript\""),
                Arguments.of("https://user:pass@example.com/a", "URL_USERINFO", "user information"),
                Arguments.of("https://user@example.com", "URL_USERINFO", "user information"),
                Arguments.of("https://", "URL_FORMAT", "must name a host"),
                Arguments.of("https:///a", "URL_FORMAT", "must name a host"),
                Arguments.of("https://:443/a", "URL_FORMAT", "must name a host"),
                Arguments.of("https://?q=1", "URL_FORMAT", "must name a host"),
                Arguments.of("https://exa_mple.com/", "URL_FORMAT", "found '_'"),
                Arguments.of("https://a..b/", "URL_FORMAT", "empty label"),
                Arguments.of("https://.example.com/", "URL_FORMAT", "empty label"),
                Arguments.of("https://example.com:80:80/", "URL_FORMAT", "found ':'"),
                Arguments.of("https://[::1/", "URL_FORMAT", "closing ']'"),
                Arguments.of("https://[]/", "URL_FORMAT", "not a valid IPv6 literal (empty)"),
                Arguments.of("https://[::g]/", "URL_FORMAT", "not a valid IPv6 literal (found 'g')"),
                Arguments.of("https://[::1]x/", "URL_FORMAT", "characters after the IPv6 host"),
                Arguments.of("https://example.com:abc/", "URL_FORMAT", "port \"abc\""),
                Arguments.of("https://example.com:0/", "URL_FORMAT", "port \"0\""),
                Arguments.of("https://example.com:65536/", "URL_FORMAT", "port \"65536\""),
                Arguments.of("https://example.com:-1/", "URL_FORMAT", "port \"-1\""),
                Arguments.of("https://example.com/a%2", "URL_FORMAT", "two hex digits"),
                Arguments.of("https://example.com/a%zz", "URL_FORMAT", "two hex digits"),
                Arguments.of("https://example.com/a?q=100%", "URL_FORMAT", "two hex digits"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidUrls")
    void invalidUrlsAreRejectedWithTheirCode(String raw, String code, String fragment) {
        IdResult r = Identifiers.normalize(IdScheme.URL, raw);
        assertFalse(r.isOk(), () -> "accepted as " + r.id());
        assertEquals(code, r.errorCode(), r::message);
        assertTrue(r.message().contains(fragment), () -> "message \"" + r.message() + "\" should contain \"" + fragment + "\"");
    }

    @Test
    void theUserinfoMessageDoesNotRepeatThePassword() {
        IdResult r = Identifiers.normalize(IdScheme.URL, "https://alice:s3cret@example.com/a");
        assertEquals("URL must not carry user information (user:password@) before the host; remove everything between https:// and '@'",
                r.message());
        assertFalse(r.message().contains("s3cret"));
    }

    @Test
    void messagesPointAtTheOffendingCharacter() {
        assertEquals("URL must not contain whitespace (percent-encode it, e.g. %20); \"https://example.com/a b\" has U+0020 at position 22",
                Identifiers.normalize(IdScheme.URL, "https://example.com/a b").message());
        assertEquals("URL has a '%' not followed by two hex digits (write a literal % as %25); \"https://example.com/a%zz\" has one at position 22",
                Identifiers.normalize(IdScheme.URL, "https://example.com/a%zz").message());
        assertEquals("URL scheme must be http or https; \"ftp://example.com/file\" uses \"ftp\"",
                Identifiers.normalize(IdScheme.URL, "ftp://example.com/file").message());
    }

    @Test
    void aUrlOfExactlyTheMaximumLengthIsAccepted() {
        String atLimit = "https://example.com/" + "a".repeat(2028);
        assertEquals(2048, atLimit.length());
        IdResult r = Identifiers.normalize(IdScheme.URL, atLimit);
        assertTrue(r.isOk(), r::message);
        assertEquals(atLimit, r.id().value());
    }
}
