package io.fairshare.contracts.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.PartyIds.PartyIdResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random properties. The valid identifiers are built here with check digits computed from
 * each standard's defining congruence (searching the check that satisfies it), not with the
 * production shortcut, so the two formulations check each other. A failure names the seed and the
 * input, and replays exactly.
 */
class IdentifierPropertiesTest {
    private static final long SEED = 20260115L;
    private static final int RUNS = 400;
    private static final String DIGITS = "0123456789";
    private static final String HEX = "0123456789abcdefABCDEF";

    private final Random random = new Random(SEED);

    // ---------------------------------------------------------------- generators

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(DIGITS.charAt(random.nextInt(10)));
        }
        return b.toString();
    }

    private String from(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Puts a '-' or ' ' into some of the gaps between characters. */
    private String sprinkleSeparators(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && random.nextInt(4) == 0) {
                b.append(random.nextBoolean() ? '-' : ' ');
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    private String randomCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** ISWC: 1 + sum(i * d_i) + check must be 0 mod 10. */
    static int iswcCheck(String nine) {
        for (int c = 0; c <= 9; c++) {
            int s = 1 + c;
            for (int i = 0; i < 9; i++) {
                s += (i + 1) * (nine.charAt(i) - '0');
            }
            if (s % 10 == 0) {
                return c;
            }
        }
        throw new AssertionError("no ISWC check digit for " + nine);
    }

    /** EAN-13: sum of digits with weights 1,3,1,...,1 (the check has weight 1) must be 0 mod 10. */
    static int ean13Check(String twelve) {
        for (int c = 0; c <= 9; c++) {
            int s = c;
            for (int i = 0; i < 12; i++) {
                s += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            if (s % 10 == 0) {
                return c;
            }
        }
        throw new AssertionError("no EAN-13 check digit for " + twelve);
    }

    /** ISBN-10: sum of digits with weights 10..1 (X = 10 as the check) must be 0 mod 11. */
    static char isbn10Check(String nine) {
        for (int c = 0; c <= 10; c++) {
            int s = c;
            for (int i = 0; i < 9; i++) {
                s += (nine.charAt(i) - '0') * (10 - i);
            }
            if (s % 11 == 0) {
                return c == 10 ? 'X' : (char) ('0' + c);
            }
        }
        throw new AssertionError("no ISBN-10 check for " + nine);
    }

    /**
     * ISO 7064 MOD 11-2 as a pure system: with positions counted from the right (the check
     * character at position 1), sum(a_i * 2^(i-1)) must be 1 mod 11.
     */
    static char isniCheck(String fifteen) {
        for (int c = 0; c <= 10; c++) {
            long s = c;
            for (int i = 0; i < 15; i++) {
                s += (long) (fifteen.charAt(i) - '0') << (15 - i);
            }
            if (s % 11 == 1) {
                return c == 10 ? 'X' : (char) ('0' + c);
            }
        }
        throw new AssertionError("no ISNI check for " + fifteen);
    }

    /** IPI name number: weights 10..2, r = sum mod 101, check 0 if r = 0 else (101 - r) mod 100. */
    static int ipiCheck(String nine) {
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = s % 101;
        return r == 0 ? 0 : (101 - r) % 100;
    }

    private static String flipDigit(String s, int pos, char to) {
        return s.substring(0, pos) + to + s.substring(pos + 1);
    }

    private char otherDigit(char d) {
        char c;
        do {
            c = DIGITS.charAt(random.nextInt(10));
        } while (c == d);
        return c;
    }

    private static void assertIdempotent(IdScheme scheme, String raw, IdResult first) {
        String why = "seed " + SEED + ", " + scheme + " input " + raw;
        assertTrue(first.isOk(), () -> why + ": " + first.message());
        assertEquals(first, Identifiers.normalize(scheme, first.id().value()), why);
        assertEquals(first, Identifiers.parseKey(first.id().key()), why);
    }

    // ---------------------------------------------------------------- properties

    @Test
    void normalisingIsIdempotentForRandomValidWorkIdentifiers() {
        for (int n = 0; n < RUNS; n++) {
            String nine = digits(9);
            String iswc = "T" + nine + iswcCheck(nine);
            String iswcRaw = (random.nextBoolean() ? "t-" : "T-") + nine.substring(0, 3) + "." + nine.substring(3, 6) + "."
                    + nine.substring(6) + "-" + iswcCheck(nine);
            IdResult r = Identifiers.normalize(IdScheme.ISWC, iswcRaw);
            assertEquals(iswc, r.id().value(), iswcRaw);
            assertIdempotent(IdScheme.ISWC, iswcRaw, r);

            String twelve = (random.nextBoolean() ? "978" : "979") + digits(9);
            String isbn13 = twelve + ean13Check(twelve);
            String isbnRaw = (random.nextInt(3) == 0 ? "ISBN " : "") + sprinkleSeparators(isbn13);
            r = Identifiers.normalize(IdScheme.ISBN, isbnRaw);
            assertEquals(isbn13, r.id().value(), isbnRaw);
            assertIdempotent(IdScheme.ISBN, isbnRaw, r);

            String isbn10Body = digits(9);
            String isbn10 = isbn10Body + isbn10Check(isbn10Body);
            r = Identifiers.normalize(IdScheme.ISBN, sprinkleSeparators(isbn10));
            String converted = "978" + isbn10Body + ean13Check("978" + isbn10Body);
            assertEquals(converted, r.id().value(), isbn10);
            assertIdempotent(IdScheme.ISBN, isbn10, r);

            String isrc = from("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2) + from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 3) + digits(7);
            String isrcRaw = randomCase(isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + "-" + isrc.substring(5, 7) + "-"
                    + isrc.substring(7));
            r = Identifiers.normalize(IdScheme.ISRC, isrcRaw);
            assertEquals(isrc, r.id().value(), isrcRaw);
            assertIdempotent(IdScheme.ISRC, isrcRaw, r);

            String isan = from(HEX, random.nextBoolean() ? 16 : 24);
            String isanRaw = (random.nextBoolean() ? "ISAN " : "") + sprinkleSeparators(isan);
            r = Identifiers.normalize(IdScheme.ISAN, isanRaw);
            assertEquals(isan.toUpperCase(Locale.ROOT), r.id().value(), isanRaw);
            assertIdempotent(IdScheme.ISAN, isanRaw, r);

            String doi = "10." + digits(4 + random.nextInt(2)) + "/" + from("ABCXYZabcxyz0123456789._;()/:-", 1 + random.nextInt(30));
            String doiRaw = random.nextBoolean() ? "https://doi.org/" + doi : "doi:" + doi;
            r = Identifiers.normalize(IdScheme.DOI, doiRaw);
            assertEquals(doi.toLowerCase(Locale.ROOT), r.id().value(), doiRaw);
            assertIdempotent(IdScheme.DOI, doiRaw, r);

            String sha = from("0123456789abcdef", 64);
            String shaRaw = (random.nextBoolean() ? "sha256:" : "") + randomCase(sha);
            r = Identifiers.normalize(IdScheme.SHA256, shaRaw);
            assertEquals(sha, r.id().value(), shaRaw);
            assertIdempotent(IdScheme.SHA256, shaRaw, r);
        }
    }

    /**
     * ISWC's weights 2, 4, 5, 6 and 8 share a factor with 10, so the standard cannot see every
     * changed digit: a change of delta at weight w goes unnoticed exactly when w * delta is a
     * multiple of 10 (T-034.524.680-1 and T-034.544.680-1 are both valid). A changed check digit
     * is always seen.
     */
    @Test
    void aChangedIswcDigitIsRejectedExactlyWhenTheStandardCanSeeIt() {
        int rejected = 0;
        int unseen = 0;
        for (int n = 0; n < RUNS * 5; n++) {
            String nine = digits(9);
            String valid = nine + iswcCheck(nine);
            int pos = random.nextInt(10);
            char to = otherDigit(valid.charAt(pos));
            String changed = "T" + flipDigit(valid, pos, to);
            int delta = to - valid.charAt(pos);
            boolean visible = pos == 9 || Math.floorMod((pos + 1) * delta, 10) != 0;
            IdResult r = Identifiers.normalize(IdScheme.ISWC, changed);
            String why = "seed " + SEED + ", T" + valid + " changed to " + changed;
            if (visible) {
                assertEquals("ISWC_CHECK_DIGIT", r.errorCode(), why);
                rejected++;
            } else {
                assertEquals("T" + flipDigit(valid, pos, to), r.id().value(), why);
                unseen++;
            }
        }
        assertTrue(rejected > 0 && unseen > 0, "both kinds of change should occur: " + rejected + " / " + unseen);
        assertTrue(Identifiers.normalize(IdScheme.ISWC, "T-034.544.680-1").isOk());
    }

    @Test
    void aChangedIsbnDigitIsAlwaysRejected() {
        for (int n = 0; n < RUNS; n++) {
            String twelve = (random.nextBoolean() ? "978" : "979") + digits(9);
            String valid = twelve + ean13Check(twelve);
            int pos = random.nextInt(13);
            String changed = flipDigit(valid, pos, otherDigit(valid.charAt(pos)));
            String prefix = changed.substring(0, 3);
            String expected = prefix.equals("978") || prefix.equals("979") ? "ISBN_CHECK_DIGIT" : "ISBN_PREFIX";
            assertEquals(expected, Identifiers.normalize(IdScheme.ISBN, changed).errorCode(),
                    "seed " + SEED + ", " + valid + " changed to " + changed);

            String nine = digits(9);
            String valid10 = nine + isbn10Check(nine);
            int pos10 = random.nextInt(10);
            String changed10;
            if (pos10 == 9) {
                char to;
                do {
                    to = "0123456789X".charAt(random.nextInt(11));
                } while (to == valid10.charAt(9));
                changed10 = nine + to;
            } else {
                changed10 = flipDigit(valid10, pos10, otherDigit(valid10.charAt(pos10)));
            }
            assertEquals("ISBN_CHECK_DIGIT", Identifiers.normalize(IdScheme.ISBN, changed10).errorCode(),
                    "seed " + SEED + ", " + valid10 + " changed to " + changed10);
        }
    }

    @Test
    void randomValidIsnisAreAcceptedAndAnyChangedCharacterIsRejected() {
        int withX = 0;
        for (int n = 0; n < RUNS; n++) {
            String fifteen = digits(15);
            String valid = fifteen + isniCheck(fifteen);
            withX += valid.endsWith("X") ? 1 : 0;
            String raw = (random.nextBoolean() ? "ISNI " : "") + sprinkleSeparators(valid.toLowerCase(Locale.ROOT));
            PartyIdResult ok = PartyIds.normalizeIsni(raw);
            assertEquals(PartyIdResult.ok(valid), ok, "seed " + SEED + ", " + raw);
            assertEquals(ok, PartyIds.normalizeIsni(ok.value()));

            int pos = random.nextInt(16);
            String changed;
            if (pos == 15) {
                char to;
                do {
                    to = "0123456789X".charAt(random.nextInt(11));
                } while (to == valid.charAt(15));
                changed = fifteen + to;
            } else {
                changed = flipDigit(valid, pos, otherDigit(valid.charAt(pos)));
            }
            assertEquals("ISNI_CHECK_CHARACTER", PartyIds.normalizeIsni(changed).errorCode(),
                    "seed " + SEED + ", " + valid + " changed to " + changed);
        }
        assertTrue(withX > 0, "the X check character should occur");
    }

    @Test
    void randomValidIpiNameNumbersAreAcceptedAndAnyChangedDigitIsRejected() {
        for (int n = 0; n < RUNS; n++) {
            String nine = digits(9);
            String valid = nine + String.format("%02d", ipiCheck(nine));
            if (valid.equals("00000000000")) {
                continue;
            }
            PartyIdResult ok = PartyIds.normalizeIpi(sprinkleSeparators(valid));
            assertEquals(PartyIdResult.ok(valid), ok, "seed " + SEED + ", " + valid);
            assertEquals(ok, PartyIds.normalizeIpi(ok.value()));
            int pos = random.nextInt(11);
            String changed = flipDigit(valid, pos, otherDigit(valid.charAt(pos)));
            if (changed.equals("00000000000")) {
                continue;
            }
            assertEquals("IPI_CHECK_DIGITS", PartyIds.normalizeIpi(changed).errorCode(),
                    "seed " + SEED + ", " + valid + " changed to " + changed);
        }
    }

    @Test
    void everySingleHexChangeInAnIsanWithItsCheckCharacterIsRejected() {
        String valid = "00000000D07A0090";
        for (int pos = 0; pos < 16; pos++) {
            for (char to : "0123456789ABCDEF".toCharArray()) {
                if (to == valid.charAt(pos)) {
                    continue;
                }
                String changed = flipDigit(valid, pos, to) + "Q";
                assertEquals("ISAN_CHECK_CHARACTER", Identifiers.normalize(IdScheme.ISAN, changed).errorCode(), changed);
            }
        }
    }

    @Test
    void urlNormalisationIsIdempotentAndIgnoresParameterOrderAndTracking() {
        String[] names = {"id", "page", "q", "lang", "Sort", "x_y"};
        String[] tracking = {"utm_source", "utm_medium", "UTM_campaign", "fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src"};
        for (int n = 0; n < RUNS; n++) {
            boolean https = random.nextBoolean();
            String scheme = randomCase(https ? "https" : "http");
            String host = randomCase(from("abcdefghij", 1 + random.nextInt(8)) + (random.nextBoolean() ? ".news" : "") + ".example");
            String port = switch (random.nextInt(4)) {
                case 0 -> https ? ":443" : ":80";
                case 1 -> ":8080";
                default -> "";
            };
            StringBuilder path = new StringBuilder();
            int segments = random.nextInt(4);
            for (int i = 0; i < segments; i++) {
                path.append('/').append(from("abcXYZ019-_", 1 + random.nextInt(6)));
                if (random.nextInt(4) == 0) {
                    path.append('%').append(from("0123456789abcdef", 2));
                }
            }
            path.append("/".repeat(random.nextInt(3)));

            List<String> params = new ArrayList<>();
            List<String> shuffledNames = new ArrayList<>(List.of(names));
            Collections.shuffle(shuffledNames, random);
            int kept = random.nextInt(4);
            for (int i = 0; i < kept; i++) {
                params.add(shuffledNames.get(i) + "=" + from("abc123", 1 + random.nextInt(4)));
            }
            int tracked = random.nextInt(3);
            for (int i = 0; i < tracked; i++) {
                params.add(tracking[random.nextInt(tracking.length)] + "=" + from("abc123", 3));
            }
            Collections.shuffle(params, random);
            String query = params.isEmpty() ? (random.nextBoolean() ? "?" : "") : "?" + String.join("&", params);
            String fragment = random.nextBoolean() ? "#" + from("abc", 3) : "";
            String raw = scheme + "://" + host + port + path + query + fragment;

            IdResult r = Identifiers.normalize(IdScheme.URL, raw);
            assertIdempotent(IdScheme.URL, raw, r);
            String canonical = r.id().value();
            String why = "seed " + SEED + ", " + raw + " -> " + canonical;
            assertFalse(canonical.contains("#"), why);
            assertFalse(canonical.toLowerCase(Locale.ROOT).matches(".*[?&](utm_|fbclid|gclid|mc_cid|mc_eid|igshid|ref_src).*"), why);
            assertFalse(canonical.endsWith("/"), why);
            assertFalse(canonical.endsWith("?"), why);
            assertEquals(canonical, canonical.substring(0, canonical.indexOf("://") + 3 + host.length()).toLowerCase(Locale.ROOT)
                    + canonical.substring(canonical.indexOf("://") + 3 + host.length()), why);

            Collections.shuffle(params, random);
            String reordered = scheme + "://" + host + port + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
            assertEquals(r, Identifiers.normalize(IdScheme.URL, reordered), why + " vs " + reordered);
        }
    }
}
