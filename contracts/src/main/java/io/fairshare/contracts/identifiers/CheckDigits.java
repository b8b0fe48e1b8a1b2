package io.fairshare.contracts.identifiers;

/**
 * The check-digit algorithms behind {@link Identifiers} and {@link PartyIds}. Every method takes
 * only the payload (already validated to hold the right characters) and returns the check
 * character(s) that payload must carry.
 *
 * <p>Sources the algorithms were taken from:
 * <ul>
 *   <li>ISWC (ISO 15707): S = 1 + sum(i * d_i) for i = 1..9, check = (10 - S mod 10) mod 10.</li>
 *   <li>ISBN-13 / EAN-13: weights 1,3,1,3... over the first 12 digits, check = (10 - sum mod 10)
 *       mod 10.</li>
 *   <li>ISBN-10: weights 10..2 over the first 9 digits, check = (11 - sum mod 11) mod 11, 10 is
 *       written "X".</li>
 *   <li>ISNI (ISO 27729): ISO/IEC 7064 MOD 11-2 (pure system, radix 2), 10 is written "X"; the
 *       same check ORCID uses.</li>
 *   <li>ISAN (ISO 15706): ISO/IEC 7064 MOD 37,36 (hybrid system) over the hex digits, check
 *       character from 0-9A-Z.</li>
 *   <li>IPI name number (CISAC): weights 10..2 over the first 9 of the 11 digits, r = sum mod 101,
 *       check = 0 if r = 0, else (101 - r) mod 100, written as two digits. See
 *       {@link PartyIds#normalizeIpi(String)} for how this was established.</li>
 * </ul>
 */
final class CheckDigits {
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private CheckDigits() {
    }

    /** ISWC check digit for the 9 digits of the work identifier. */
    static int iswc(String nineDigits) {
        int sum = 1;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * digit(nineDigits, i);
        }
        return (10 - sum % 10) % 10;
    }

    /** EAN-13 (ISBN-13) check digit for the first 12 digits. */
    static int ean13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += digit(twelveDigits, i) * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    /** ISBN-10 check character ('0'-'9' or 'X') for the first 9 digits. */
    static char isbn10(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(nineDigits, i) * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** ISO/IEC 7064 MOD 11-2 check character ('0'-'9' or 'X') for a string of digits. */
    static char mod11_2(String digits) {
        int p = 0;
        for (int i = 0; i < digits.length(); i++) {
            p = ((p + digit(digits, i)) * 2) % 11;
        }
        int check = (12 - p) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /**
     * ISO/IEC 7064 MOD 37,36 (hybrid) check character for a string over 0-9A-Z (upper case).
     * P starts at 36; for each character, S = (P mod 37) + value, P = ((S mod 36) or 36 if 0) * 2;
     * the check character c makes ((P mod 37) + c) mod 36 == 1.
     */
    static char mod37_36(String chars) {
        int p = 36;
        for (int i = 0; i < chars.length(); i++) {
            int s = p % 37 + ALNUM.indexOf(chars.charAt(i));
            int m = s % 36;
            p = (m == 0 ? 36 : m) * 2;
        }
        int check = Math.floorMod(1 - p % 37, 36);
        return ALNUM.charAt(check);
    }

    /** CISAC IPI name number check number (0-99) for the first 9 of its 11 digits. */
    static int ipiName(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(nineDigits, i) * (10 - i);
        }
        int r = sum % 101;
        return r == 0 ? 0 : (101 - r) % 100;
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }
}
