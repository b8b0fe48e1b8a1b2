package io.fairshare.contracts.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of party identifiers: ISNI (ISO 27729) and CISAC IPI name numbers.
 * Whitespace around the value is ignored; null or blank input is {@code <SCHEME>_MISSING}.
 *
 * <table>
 *   <caption>Error codes returned in {@link PartyIdResult#errorCode()}</caption>
 *   <tr><th>Code</th><th>Meaning</th></tr>
 *   <tr><td>ISNI_MISSING</td><td>null or blank (or only the "ISNI" label)</td></tr>
 *   <tr><td>ISNI_FORMAT</td><td>a character other than digits, spaces, hyphens and a final X, or
 *       not 16 characters once spaces and hyphens are removed</td></tr>
 *   <tr><td>ISNI_CHECK_CHARACTER</td><td>the ISO/IEC 7064 MOD 11-2 check character does not
 *       match</td></tr>
 *   <tr><td>IPI_MISSING</td><td>null, blank, or all zeros (the placeholder for "no IPI name
 *       number" in CWR files, which must never match a party)</td></tr>
 *   <tr><td>IPI_FORMAT</td><td>a character other than digits, spaces, hyphens and dots, or more
 *       than 11 digits</td></tr>
 *   <tr><td>IPI_CHECK_DIGITS</td><td>the last two digits are not the mod-101 check number of the
 *       first nine</td></tr>
 * </table>
 */
public final class PartyIds {
    private static final Pattern ISNI_LABEL = Text.label("ISNI");
    private static final Pattern IPI_LABEL = Text.label("IPI");

    private PartyIds() {
    }

    /**
     * 16 characters, ISO 7064 MOD 11-2 check character; spaces and hyphens dropped.
     *
     * <p>Accepted: an optional "ISNI" label (any case, optionally followed by ':'), then 15 digits
     * and a check character 0-9 or X (x accepted), with spaces and hyphens anywhere:
     * {@code ISNI 0000 0001 2281 955X}, {@code 0000-0002-1825-0097} (ORCID iDs are ISNIs).
     * Canonical: the 16 characters without separators, X upper case ({@code 000000012281955X}).
     */
    public static PartyIdResult normalizeIsni(String raw) {
        if (Text.isBlank(raw)) {
            return PartyIdResult.error("ISNI_MISSING", "ISNI is missing: the value is " + (raw == null ? "null" : "blank"));
        }
        String s = raw.strip();
        String c = Text.removeSeparators(Text.stripLabel(s, ISNI_LABEL), "-").toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return PartyIdResult.error("ISNI_MISSING", "ISNI is missing: " + Text.quote(s) + " holds no number");
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            boolean finalX = ch == 'X' && i == c.length() - 1;
            if ((ch < '0' || ch > '9') && !finalX) {
                return PartyIdResult.error("ISNI_FORMAT", "ISNI may hold only digits, spaces and hyphens, and X as its last"
                        + " character; " + Text.quote(s) + " has " + Text.describeChar(ch));
            }
        }
        if (c.length() != 16) {
            return PartyIdResult.error("ISNI_FORMAT", "ISNI must have 16 characters (15 digits and a check character), e.g."
                    + " 0000 0001 2281 955X; " + Text.quote(s) + " has " + c.length() + " once spaces and hyphens are removed");
        }
        char expected = CheckDigits.mod11_2(c.substring(0, 15));
        if (expected != c.charAt(15)) {
            return PartyIdResult.error("ISNI_CHECK_CHARACTER", "ISNI " + s + " has check character " + c.charAt(15)
                    + ", expected " + expected);
        }
        return PartyIdResult.ok(c);
    }

    /**
     * IPI name number: 11 digits (left-padded with zeros), with its mod-101 check.
     *
     * <p>Accepted: an optional "IPI" label, then 1 to 11 digits with spaces, hyphens or dots
     * anywhere. Canonical: 11 digits, left-padded with zeros ({@code 14107338} becomes
     * {@code 00014107338}). All zeros is IPI_MISSING, not a number.
     *
     * <p>Check: the last two digits must equal the check number of the first nine: with weights
     * 10, 9, ..., 2 on those nine digits, r = (weighted sum) mod 101, check = 0 when r = 0, else
     * (101 - r) mod 100. CISAC does not publish the IPI specification openly; this algorithm is
     * the one used by CWR tooling (the django-music-publisher validators and its author's
     * "python-10-digit-ipi-name" note), and it is confirmed by real IPI name numbers published with
     * their holders (00087038166, 00494248817, 00014107338). One published value, 00119750569 (on
     * Wikidata), fails it; a real number that fails is therefore possible, if rare, and is
     * rejected as IPI_CHECK_DIGITS.
     */
    public static PartyIdResult normalizeIpi(String raw) {
        if (Text.isBlank(raw)) {
            return PartyIdResult.error("IPI_MISSING", "IPI name number is missing: the value is " + (raw == null ? "null" : "blank"));
        }
        String s = raw.strip();
        String c = Text.removeSeparators(Text.stripLabel(s, IPI_LABEL), "-.");
        if (c.isEmpty()) {
            return PartyIdResult.error("IPI_MISSING", "IPI name number is missing: " + Text.quote(s) + " holds no number");
        }
        int bad = Text.firstNonDigit(c);
        if (bad >= 0) {
            return PartyIdResult.error("IPI_FORMAT", "IPI name number may hold only digits; " + Text.quote(s) + " has "
                    + Text.describeChar(c.charAt(bad)));
        }
        if (c.length() > 11) {
            return PartyIdResult.error("IPI_FORMAT", "IPI name number has at most 11 digits; " + Text.quote(s) + " has " + c.length());
        }
        String padded = "0".repeat(11 - c.length()) + c;
        if (padded.equals("00000000000")) {
            return PartyIdResult.error("IPI_MISSING", "IPI name number is missing: " + Text.quote(s)
                    + " is all zeros, the placeholder CWR files use for no IPI name number");
        }
        int expected = CheckDigits.ipiName(padded.substring(0, 9));
        int actual = Integer.parseInt(padded.substring(9));
        if (expected != actual) {
            return PartyIdResult.error("IPI_CHECK_DIGITS", "IPI name number " + padded + " has check digits " + padded.substring(9)
                    + ", expected " + String.format("%02d", expected));
        }
        return PartyIdResult.ok(padded);
    }

    /** Either {@code value} (canonical) or {@code errorCode} and {@code message}. */
    public record PartyIdResult(String value, String errorCode, String message) {
        public static PartyIdResult ok(String value) {
            return new PartyIdResult(value, null, null);
        }

        public static PartyIdResult error(String code, String message) {
            return new PartyIdResult(null, code, message);
        }

        public boolean isOk() {
            return value != null;
        }
    }
}
