package io.fairshare.contracts.identifiers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validation (formats, check digits) and normalisation of work identifiers. Plain Java, no
 * framework: the same rules serve ingest (reject bad input) and the registry (store and look up).
 *
 * <p>For every scheme, whitespace around the value is ignored and {@code null} or blank input is
 * {@code <SCHEME>_MISSING}. Two inputs denote the same identifier exactly when their canonical
 * forms are equal, and normalising a canonical form returns it unchanged.
 *
 * <h2>Canonical forms</h2>
 * <table>
 *   <caption>Accepted input and canonical form per scheme</caption>
 *   <tr><th>Scheme</th><th>Accepted</th><th>Canonical</th></tr>
 *   <tr><td>ISWC</td><td>optional "ISWC" label; {@code T}/{@code t} + 9 digits + check digit;
 *       '-', '.' and spaces anywhere ({@code T-034.524.680-1})</td>
 *       <td>{@code T0345246801}: "T" + 10 digits</td></tr>
 *   <tr><td>ISBN</td><td>optional "ISBN", "ISBN-13" or "ISBN-10" label; hyphens and spaces
 *       anywhere; an ISBN-13 (prefix 978 or 979, EAN-13 check digit) or an ISBN-10 (mod 11 check,
 *       'X' or 'x' for 10)</td>
 *       <td>13 digits. <b>An ISBN-10 is converted</b> to its ISBN-13: "978" + its first 9 digits +
 *       a new EAN-13 check digit ({@code 0-306-40615-2} becomes {@code 9780306406157})</td></tr>
 *   <tr><td>ISRC</td><td>optional "ISRC" label; hyphens and spaces anywhere; lower case</td>
 *       <td>12 upper-case characters: 2 letters, 3 letters or digits, 2 digits, 5 digits
 *       ({@code USRC17607839}). ISRC has no check digit: only the form is validated.</td></tr>
 *   <tr><td>ISAN</td><td>optional "ISAN" or "URN:ISAN:" label; hyphens and spaces anywhere; lower
 *       case; 16 hex digits (root + episode) or 24 (plus the version), either without check
 *       characters or with all of them as printed: {@code 0000-0000-D07A-0090-Q} (16 + 1),
 *       {@code ISAN 0000-0000-D07A-0090-Q-0000-0000-X} (16 + 1 + 8 + 1). Check characters given
 *       are verified with ISO/IEC 7064 MOD 37,36: the first over the 16 hex digits, the second
 *       over all 24.</td>
 *       <td>16 or 24 upper-case hex digits, without label and check characters
 *       ({@code 00000000D07A009000000000})</td></tr>
 *   <tr><td>DOI</td><td>{@code 10.<registrant>/<suffix>}, registrant digits separated by dots,
 *       suffix non-empty; optional {@code doi:} prefix, or the resolver URL forms
 *       {@code http(s)://doi.org/}, {@code http(s)://dx.doi.org/}, {@code http(s)://www.doi.org/},
 *       whose path is percent-decoded (UTF-8). No whitespace or control characters inside; at most
 *       2048 characters.</td>
 *       <td>{@code 10.1000/abc}: the bare DOI name with ASCII letters in <b>lower case</b> (DOI
 *       names are case-insensitive; non-ASCII characters are kept as given)</td></tr>
 *   <tr><td>URL</td><td>an absolute http or https URL of at most 2048 characters, with a host,
 *       without user information, whitespace, control characters or backslashes</td>
 *       <td>{@code scheme://host[:port][path][?query]}: scheme and host lower case (IDN hosts
 *       only lower-cased); default port (80 for http, 443 for https) dropped; fragment dropped;
 *       every trailing '/' of the path removed, so the root is {@code https://example.com}; the
 *       hex of %xx escapes upper-cased, nothing decoded; empty query parameters and tracking
 *       parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, {@code mc_eid},
 *       {@code igshid}, {@code ref_src}, names matched ignoring case) dropped, the rest sorted by
 *       name in ASCII order, equal names keeping their order. Path case, dot segments and inner
 *       repeated slashes are kept.</td></tr>
 *   <tr><td>SHA256</td><td>64 hex digits in any case; optional {@code sha256:} prefix (any
 *       case)</td><td>64 lower-case hex digits</td></tr>
 * </table>
 *
 * <h2>Error codes</h2>
 * Codes are stable; messages may be reworded. {@code <SCHEME>_FORMAT} covers every malformed
 * input of a scheme (wrong length, characters, structure), and its message says exactly what is
 * wrong; the other codes name a specific rule.
 * <table>
 *   <caption>Error codes returned in {@link IdResult#errorCode()}</caption>
 *   <tr><th>Code</th><th>Meaning</th></tr>
 *   <tr><td>ISWC_MISSING</td><td>null or blank (or only the "ISWC" label)</td></tr>
 *   <tr><td>ISWC_FORMAT</td><td>not T followed by exactly 10 digits (after removing '-', '.',
 *       spaces)</td></tr>
 *   <tr><td>ISWC_CHECK_DIGIT</td><td>the check digit does not match the 9 work digits</td></tr>
 *   <tr><td>ISBN_MISSING</td><td>null or blank (or only the "ISBN" label)</td></tr>
 *   <tr><td>ISBN_FORMAT</td><td>a character other than digits, hyphens, spaces (and a final X in
 *       an ISBN-10), or neither 13 nor 10 characters</td></tr>
 *   <tr><td>ISBN_PREFIX</td><td>13 digits not starting with 978 or 979 (an EAN, not a
 *       book)</td></tr>
 *   <tr><td>ISBN_CHECK_DIGIT</td><td>the ISBN-13 or ISBN-10 check digit does not match</td></tr>
 *   <tr><td>ISRC_MISSING</td><td>null or blank (or only the "ISRC:" label)</td></tr>
 *   <tr><td>ISRC_FORMAT</td><td>not 12 characters once hyphens and spaces are removed, or an
 *       element holds the wrong kind of character (the message names which)</td></tr>
 *   <tr><td>ISAN_MISSING</td><td>null or blank (or only the "ISAN" label)</td></tr>
 *   <tr><td>ISAN_FORMAT</td><td>not 16, 17, 24 or 26 characters once separators are removed, a
 *       non-hex character in root, episode or version, or a check character outside 0-9,
 *       A-Z</td></tr>
 *   <tr><td>ISAN_CHECK_CHARACTER</td><td>a given check character does not match</td></tr>
 *   <tr><td>DOI_MISSING</td><td>null or blank (or only a "doi:" or resolver prefix)</td></tr>
 *   <tr><td>DOI_TOO_LONG</td><td>more than 2048 characters</td></tr>
 *   <tr><td>DOI_FORMAT</td><td>not {@code 10.<digits>[.<digits>...]/<suffix>} with a non-empty
 *       suffix, whitespace or a control character inside, or (URL form) a malformed
 *       percent-escape or escapes that are not UTF-8</td></tr>
 *   <tr><td>URL_MISSING</td><td>null or blank</td></tr>
 *   <tr><td>URL_TOO_LONG</td><td>more than 2048 characters</td></tr>
 *   <tr><td>URL_SCHEME</td><td>a scheme other than http or https (ftp:, mailto:,
 *       javascript:, ...)</td></tr>
 *   <tr><td>URL_USERINFO</td><td>user information ({@code user:password@}) before the host; the
 *       message does not repeat the input</td></tr>
 *   <tr><td>URL_FORMAT</td><td>not absolute ({@code scheme://} missing), no host, a host with
 *       characters other than letters, digits, '-' and '.' (or an empty label, or a malformed
 *       IPv6 literal), a port outside 1-65535, whitespace, a control character or backslash, or a
 *       '%' not followed by two hex digits</td></tr>
 *   <tr><td>SHA256_MISSING</td><td>null or blank</td></tr>
 *   <tr><td>SHA256_FORMAT</td><td>not 64 hex digits (after an optional sha256: prefix)</td></tr>
 *   <tr><td>KEY_MISSING</td><td>{@link #parseKey}: null or blank key</td></tr>
 *   <tr><td>KEY_FORMAT</td><td>{@link #parseKey}: no "scheme:" before the value</td></tr>
 *   <tr><td>KEY_SCHEME_UNKNOWN</td><td>{@link #parseKey}: the scheme is not one of
 *       {@link IdScheme}</td></tr>
 * </table>
 */
public final class Identifiers {
    /** Longest DOI accepted (DOI_TOO_LONG beyond). */
    public static final int MAX_DOI_LENGTH = 2048;

    /** Longest URL accepted (URL_TOO_LONG beyond). */
    public static final int MAX_URL_LENGTH = UrlNormalizer.MAX_LENGTH;

    private static final Pattern ISWC_LABEL = Text.label("ISWC");
    private static final Pattern ISBN_LABEL = Pattern.compile("^(?i:ISBN)(?:-?1[03](?=[\\s:]))?[\\s:]*");
    private static final Pattern ISRC_LABEL = Pattern.compile("^(?i:ISRC)(?:\\s*:\\s*|\\s+)");
    private static final Pattern ISAN_LABEL = Text.label("(?:URN:)?ISAN");
    private static final Pattern SHA256_LABEL = Pattern.compile("^(?i:sha256:)");
    private static final Pattern DOI_LABEL = Pattern.compile("^(?i:doi:)\\s*");
    private static final Pattern DOI_URL = Pattern.compile("^(?i:https?://(?:dx\\.|www\\.)?doi\\.org/)");
    private static final Pattern DOI_PREFIX = Pattern.compile("^10\\.[0-9]+(?:\\.[0-9]+)*$");

    private Identifiers() {
    }

    /**
     * Validates {@code raw} as an identifier of {@code scheme} and returns its canonical form, or
     * an error code and message (see the class documentation for both).
     *
     * @throws NullPointerException if {@code scheme} is null (a programming error, not bad input)
     */
    public static IdResult normalize(IdScheme scheme, String raw) {
        Objects.requireNonNull(scheme, "scheme");
        if (Text.isBlank(raw)) {
            return IdResult.error(scheme.name() + "_MISSING",
                    scheme.name() + " is missing: the value is " + (raw == null ? "null" : "blank"));
        }
        String s = raw.strip();
        switch (scheme) {
            case ISWC: return iswc(s);
            case ISBN: return isbn(s);
            case ISRC: return isrc(s);
            case ISAN: return isan(s);
            case DOI: return doi(s);
            case URL: return UrlNormalizer.normalize(s);
            case SHA256: return sha256(s);
            default: throw new IllegalStateException("no rule for scheme " + scheme);
        }
    }

    /**
     * Parses the key form {@code "scheme:value"} produced by {@link WorkId#key()} (for example
     * {@code iswc:T0345246801} or {@code url:https://example.com/a}), normalising the value. The
     * scheme is read with {@link IdScheme#fromWire(String)}, so it is case-insensitive and accepts
     * its aliases; the value is everything after the first ':'.
     */
    public static IdResult parseKey(String key) {
        if (Text.isBlank(key)) {
            return IdResult.error("KEY_MISSING", "identifier key is missing: expected scheme:value, e.g. iswc:T0345246801");
        }
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return IdResult.error("KEY_FORMAT", "identifier key must be scheme:value, e.g. iswc:T0345246801; was " + Text.quote(key));
        }
        String wire = key.substring(0, colon);
        return IdScheme.fromWire(wire)
                .map(scheme -> normalize(scheme, key.substring(colon + 1)))
                .orElseGet(() -> IdResult.error("KEY_SCHEME_UNKNOWN", "identifier key scheme must be one of "
                        + Arrays.stream(IdScheme.values()).map(IdScheme::wireName).collect(Collectors.joining(", "))
                        + "; was " + Text.quote(wire) + " in " + Text.quote(key)));
    }

    private static IdResult ok(IdScheme scheme, String canonical) {
        return IdResult.ok(new WorkId(scheme, canonical));
    }

    // ---------------------------------------------------------------- ISWC

    private static IdResult iswc(String s) {
        String c = Text.removeSeparators(Text.stripLabel(s, ISWC_LABEL), "-.").toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return IdResult.error("ISWC_MISSING", "ISWC is missing: " + Text.quote(s) + " holds no code");
        }
        if (c.charAt(0) != 'T') {
            return IdResult.error("ISWC_FORMAT", "ISWC must start with the letter T (e.g. T-034.524.680-1); "
                    + Text.quote(s) + " starts with " + Text.describeChar(c.charAt(0)));
        }
        String digits = c.substring(1);
        if (digits.length() != 10 || !Text.allDigits(digits)) {
            return IdResult.error("ISWC_FORMAT", "ISWC must be T followed by 10 digits (9 for the work, then a check digit),"
                    + " with optional '-' and '.' (e.g. T-034.524.680-1); " + Text.quote(s) + " has "
                    + describeDigits(digits));
        }
        int expected = CheckDigits.iswc(digits.substring(0, 9));
        int actual = digits.charAt(9) - '0';
        if (expected != actual) {
            return IdResult.error("ISWC_CHECK_DIGIT", "ISWC " + s + " has check digit " + actual + ", expected " + expected);
        }
        return ok(IdScheme.ISWC, "T" + digits);
    }

    private static String describeDigits(String afterPrefix) {
        int bad = Text.firstNonDigit(afterPrefix);
        if (bad >= 0) {
            return Text.describeChar(afterPrefix.charAt(bad)) + " where a digit belongs";
        }
        return afterPrefix.length() + " digits after the T";
    }

    // ---------------------------------------------------------------- ISBN

    private static IdResult isbn(String s) {
        String c = Text.removeSeparators(Text.stripLabel(s, ISBN_LABEL), "-");
        if (c.isEmpty()) {
            return IdResult.error("ISBN_MISSING", "ISBN is missing: " + Text.quote(s) + " holds no number");
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            boolean finalX = (ch == 'X' || ch == 'x') && i == c.length() - 1 && c.length() == 10;
            if ((ch < '0' || ch > '9') && !finalX) {
                return IdResult.error("ISBN_FORMAT", "ISBN may hold only digits, hyphens and spaces (and a final X in an ISBN-10); "
                        + Text.quote(s) + " has " + Text.describeChar(ch));
            }
        }
        if (c.length() == 13) {
            String prefix = c.substring(0, 3);
            if (!prefix.equals("978") && !prefix.equals("979")) {
                return IdResult.error("ISBN_PREFIX", "ISBN-13 must start with 978 or 979; " + Text.quote(s) + " starts with " + prefix);
            }
            int expected = CheckDigits.ean13(c.substring(0, 12));
            int actual = c.charAt(12) - '0';
            if (expected != actual) {
                return IdResult.error("ISBN_CHECK_DIGIT", "ISBN " + s + " has check digit " + actual + ", expected " + expected);
            }
            return ok(IdScheme.ISBN, c);
        }
        if (c.length() == 10) {
            char expected = CheckDigits.isbn10(c.substring(0, 9));
            char actual = Character.toUpperCase(c.charAt(9));
            if (expected != actual) {
                return IdResult.error("ISBN_CHECK_DIGIT", "ISBN-10 " + s + " has check digit " + actual + ", expected " + expected);
            }
            String twelve = "978" + c.substring(0, 9);
            return ok(IdScheme.ISBN, twelve + CheckDigits.ean13(twelve));
        }
        return IdResult.error("ISBN_FORMAT", "ISBN must have 13 digits (or 10 for an ISBN-10); " + Text.quote(s) + " has "
                + c.length() + " once hyphens and spaces are removed");
    }

    // ---------------------------------------------------------------- ISRC

    private static IdResult isrc(String s) {
        String c = Text.removeSeparators(Text.stripLabel(s, ISRC_LABEL), "-").toUpperCase(Locale.ROOT);
        if (c.length() == 16 && c.startsWith("ISRC")) {
            c = c.substring(4);
        }
        if (c.isEmpty()) {
            return IdResult.error("ISRC_MISSING", "ISRC is missing: " + Text.quote(s) + " holds no code");
        }
        if (c.length() != 12) {
            return IdResult.error("ISRC_FORMAT", "ISRC must have 12 characters (CC-XXX-YY-NNNNN); " + Text.quote(s) + " has "
                    + c.length() + " once hyphens and spaces are removed");
        }
        String problem = isrcElementProblem(c);
        if (problem != null) {
            return IdResult.error("ISRC_FORMAT", "ISRC " + Text.quote(s) + " is not of the form CC-XXX-YY-NNNNN: " + problem);
        }
        return ok(IdScheme.ISRC, c);
    }

    private static String isrcElementProblem(String c) {
        for (int i = 0; i < 12; i++) {
            char ch = c.charAt(i);
            boolean letter = ch >= 'A' && ch <= 'Z';
            boolean digit = ch >= '0' && ch <= '9';
            if (i < 2 && !letter) {
                return "the country code (characters 1-2) must be letters, found " + Text.describeChar(ch);
            }
            if (i >= 2 && i < 5 && !letter && !digit) {
                return "the registrant code (characters 3-5) must be letters or digits, found " + Text.describeChar(ch);
            }
            if (i >= 5 && i < 7 && !digit) {
                return "the year (characters 6-7) must be digits, found " + Text.describeChar(ch);
            }
            if (i >= 7 && !digit) {
                return "the designation code (characters 8-12) must be digits, found " + Text.describeChar(ch);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- ISAN

    private static IdResult isan(String s) {
        String c = Text.removeSeparators(Text.stripLabel(s, ISAN_LABEL), "-").toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return IdResult.error("ISAN_MISSING", "ISAN is missing: " + Text.quote(s) + " holds no number");
        }
        String work;
        Character check1 = null;
        String version = "";
        Character check2 = null;
        switch (c.length()) {
            case 16:
                work = c;
                break;
            case 17:
                work = c.substring(0, 16);
                check1 = c.charAt(16);
                break;
            case 24:
                work = c.substring(0, 16);
                version = c.substring(16);
                break;
            case 26:
                work = c.substring(0, 16);
                check1 = c.charAt(16);
                version = c.substring(17, 25);
                check2 = c.charAt(25);
                break;
            default:
                return IdResult.error("ISAN_FORMAT", "ISAN must be 16 hex digits (root and episode), optionally followed by its check"
                        + " character, then optionally 8 hex digits of version and the second check character"
                        + " (e.g. ISAN 0000-0000-D07A-0090-Q-0000-0000-X); " + Text.quote(s) + " has " + c.length()
                        + " characters once 'ISAN', hyphens and spaces are removed");
        }
        String hex = work + version;
        for (int i = 0; i < hex.length(); i++) {
            if (!Text.isHex(hex.charAt(i))) {
                return IdResult.error("ISAN_FORMAT", "ISAN root, episode and version must be hex digits (0-9, A-F); "
                        + Text.quote(s) + " has " + Text.describeChar(hex.charAt(i)));
            }
        }
        for (Character check : new Character[] {check1, check2}) {
            if (check != null && !((check >= '0' && check <= '9') || (check >= 'A' && check <= 'Z'))) {
                return IdResult.error("ISAN_FORMAT", "ISAN check characters must be 0-9 or A-Z; " + Text.quote(s) + " has "
                        + Text.describeChar(check));
            }
        }
        if (check1 != null) {
            char expected = CheckDigits.mod37_36(work);
            if (expected != check1) {
                return IdResult.error("ISAN_CHECK_CHARACTER", "ISAN " + s + " has check character " + check1
                        + " after the episode, expected " + expected);
            }
        }
        if (check2 != null) {
            char expected = CheckDigits.mod37_36(hex);
            if (expected != check2) {
                return IdResult.error("ISAN_CHECK_CHARACTER", "ISAN " + s + " has check character " + check2
                        + " after the version, expected " + expected);
            }
        }
        return ok(IdScheme.ISAN, hex);
    }

    // ---------------------------------------------------------------- DOI

    private static IdResult doi(String s) {
        if (s.length() > MAX_DOI_LENGTH) {
            return IdResult.error("DOI_TOO_LONG", "DOI is " + s.length() + " characters long; at most " + MAX_DOI_LENGTH + " are accepted");
        }
        String d;
        Matcher url = DOI_URL.matcher(s);
        if (url.lookingAt()) {
            String path = s.substring(url.end());
            int end = indexOfAny(path, "?#");
            String decoded = percentDecode(end < 0 ? path : path.substring(0, end));
            if (decoded == null) {
                return IdResult.error("DOI_FORMAT", "DOI URL " + Text.quote(s)
                        + " has a '%' not followed by two hex digits, or escapes that are not UTF-8");
            }
            d = decoded;
        } else {
            d = DOI_LABEL.matcher(s).replaceFirst("");
        }
        if (d.isEmpty()) {
            return IdResult.error("DOI_MISSING", "DOI is missing: " + Text.quote(s) + " holds no DOI name after its prefix");
        }
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (Text.isSpace(ch)) {
                return IdResult.error("DOI_FORMAT", "DOI must not contain whitespace; " + Text.quote(s) + " has "
                        + Text.describeChar(ch) + " at position " + (i + 1) + " of the DOI name");
            }
            if (Character.isISOControl(ch)) {
                return IdResult.error("DOI_FORMAT", "DOI must not contain control characters; " + Text.quote(s) + " has "
                        + Text.describeChar(ch));
            }
        }
        int slash = d.indexOf('/');
        String prefix = slash < 0 ? d : d.substring(0, slash);
        if (!DOI_PREFIX.matcher(prefix).matches()) {
            return IdResult.error("DOI_FORMAT", "DOI must start with 10. and the registrant's digits, e.g. 10.1000/xyz; "
                    + Text.quote(s) + " starts with " + Text.quote(prefix));
        }
        if (slash < 0 || slash == d.length() - 1) {
            return IdResult.error("DOI_FORMAT", "DOI must have a suffix after the '/', e.g. 10.1000/xyz; "
                    + Text.quote(s) + " has none");
        }
        return ok(IdScheme.DOI, asciiLowerCase(d));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decodes {@code s} as UTF-8; null if an escape is malformed or the bytes are not UTF-8. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%') {
                if (i + 2 >= s.length() || !Text.isHex(s.charAt(i + 1)) || !Text.isHex(s.charAt(i + 2))) {
                    return null;
                }
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(ch) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String asciiLowerCase(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] >= 'A' && cs[i] <= 'Z') {
                cs[i] = (char) (cs[i] + ('a' - 'A'));
            }
        }
        return new String(cs);
    }

    // ---------------------------------------------------------------- SHA-256

    private static IdResult sha256(String s) {
        String h = SHA256_LABEL.matcher(s).replaceFirst("");
        if (h.length() != 64) {
            return IdResult.error("SHA256_FORMAT", "SHA-256 must be 64 hex digits (optionally after sha256:); " + Text.quote(s)
                    + " has " + h.length());
        }
        for (int i = 0; i < h.length(); i++) {
            if (!Text.isHex(h.charAt(i))) {
                return IdResult.error("SHA256_FORMAT", "SHA-256 must be hex digits (0-9, a-f); " + Text.quote(s) + " has "
                        + Text.describeChar(h.charAt(i)) + " at position " + (i + 1));
            }
        }
        return ok(IdScheme.SHA256, h.toLowerCase(Locale.ROOT));
    }
}
