package io.fairshare.settlement.export;

import java.util.regex.Pattern;

/**
 * The guard against CSV (formula) injection, as OWASP's "CSV Injection" page gives it: a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR is read by Excel, LibreOffice and
 * Google Sheets as a formula, so it is written with a leading {@code '} (which the spreadsheet shows
 * as text and does not display). Plain decimal numbers are left alone: {@code -600} in an amount column
 * is a number, not a formula, and must stay one for the society's sums.
 *
 * <p>Every text value in Fairshare's exports comes from somewhere Fairshare does not control (a
 * platform's work id, a party id, a title in a catalogue import), so every cell goes through here. The
 * guard changes bytes only for values that would have been executed.
 */
public final class SpreadsheetCell {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private SpreadsheetCell() {
    }

    /** {@code value} with a leading {@code '} when a spreadsheet would take it for a formula; null stays null. */
    public static String guard(String value) {
        if (value == null || value.isEmpty() || !startsLikeAFormula(value.charAt(0)) || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    private static boolean startsLikeAFormula(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
