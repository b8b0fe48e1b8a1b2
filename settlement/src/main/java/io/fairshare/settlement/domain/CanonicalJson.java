package io.fairshare.settlement.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer for canonical forms: no whitespace, fields in the order written, strings
 * escaped minimally (only {@code "}, {@code \} and control characters; everything else as UTF-8),
 * integers as JSON numbers, and decimals as JSON strings in plain notation ({@code "1481"},
 * {@code "12.30"}), so that no reader ever passes money through a binary floating point.
 */
public final class CanonicalJson {
    private final StringBuilder out = new StringBuilder(4096);
    /** For each open container: whether nothing has been written in it yet. */
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean afterName;

    public CanonicalJson beginObject() {
        separate();
        out.append('{');
        empty.push(Boolean.TRUE);
        return this;
    }

    public CanonicalJson endObject() {
        empty.pop();
        out.append('}');
        return this;
    }

    public CanonicalJson beginArray() {
        separate();
        out.append('[');
        empty.push(Boolean.TRUE);
        return this;
    }

    public CanonicalJson endArray() {
        empty.pop();
        out.append(']');
        return this;
    }

    public CanonicalJson name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public CanonicalJson value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public CanonicalJson value(long value) {
        separate();
        out.append(value);
        return this;
    }

    public CanonicalJson value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** A decimal as a string, trailing zeros removed: {@code "1.5"}, {@code "1000"}, {@code "0"}; null as null. */
    public CanonicalJson decimal(BigDecimal value) {
        return value(value == null ? null : plain(value));
    }

    /** Money as a string with exactly the currency's decimal places: {@code "1481"}, {@code "12.30"}. */
    public CanonicalJson money(Money value) {
        return value(value.toPlainString());
    }

    public CanonicalJson field(String name, String value) {
        return name(name).value(value);
    }

    public CanonicalJson field(String name, long value) {
        return name(name).value(value);
    }

    public CanonicalJson field(String name, boolean value) {
        return name(name).value(value);
    }

    public CanonicalJson decimalField(String name, BigDecimal value) {
        return name(name).decimal(value);
    }

    public CanonicalJson moneyField(String name, Money value) {
        return name(name).money(value);
    }

    public byte[] toBytes() {
        if (!empty.isEmpty()) {
            throw new IllegalStateException("unclosed object or array");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Plain notation without trailing zeros; zero is {@code 0}. */
    public static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!empty.isEmpty()) {
            if (empty.peek()) {
                empty.pop();
                empty.push(Boolean.FALSE);
            } else {
                out.append(',');
            }
        }
    }

    private void string(String s) {
        out.append('"');
        if (!needsEscape(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
