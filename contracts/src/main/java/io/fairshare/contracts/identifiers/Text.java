package io.fairshare.contracts.identifiers;

import java.util.regex.Pattern;

/** String helpers shared by the identifier rules: separator removal, labels, quoting in messages. */
final class Text {
    /** Longest piece of raw input repeated in a message; longer input is cut with "...". */
    static final int QUOTE_LIMIT = 80;

    private Text() {
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** {@code s} without any whitespace and without any of the characters in {@code others}. */
    static String removeSeparators(String s, String others) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c) && others.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A case-insensitive label such as "ISNI" at the start, followed by optional spaces or ':'. */
    static Pattern label(String regex) {
        return Pattern.compile("^(?i:" + regex + ")[\\s:]*");
    }

    static String stripLabel(String s, Pattern label) {
        return label.matcher(s).replaceFirst("");
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** The first character of {@code s} that is not a digit, or -1. */
    static int firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code "value"} in double quotes for a message: cut to {@link #QUOTE_LIMIT} characters and
     * with control characters written as \\uXXXX so a log line stays one line.
     */
    static String quote(String s) {
        String cut = s.length() > QUOTE_LIMIT ? s.substring(0, QUOTE_LIMIT) + "..." : s;
        StringBuilder b = new StringBuilder(cut.length() + 2).append('"');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Describes one character for a message: 'x' or U+0009 for invisible ones. */
    static String describeChar(char c) {
        if (Character.isISOControl(c) || isSpace(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
