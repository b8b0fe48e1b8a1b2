package io.fairshare.contracts.canonical;

import io.fairshare.contracts.money.Money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON writer whose output is the RFC 8785 JSON Canonicalization Scheme (JCS) form of what it is
 * given, so that anyone can re-derive a statement's bytes, and its SHA-256, with any JCS
 * implementation from the parsed JSON:
 * <ul>
 *   <li>no whitespace; the members of every object sorted by their names' UTF-16 code units
 *       ({@link String#compareTo}), whatever the order they were written in; a repeated name is refused;</li>
 *   <li>strings as ECMAScript's {@code JSON.stringify} writes them: {@code \"}, {@code \\}, {@code \b \f \n \r \t},
 *       other control characters as <code>&#92;u00xx</code> (lower-case hex), everything else as UTF-8; a lone
 *       surrogate (not Unicode, so not I-JSON) is refused;</li>
 *   <li>integers as JSON numbers, only within I-JSON's exact range (|n| &lt; 2^53), where ECMAScript's
 *       number form is the plain integer;</li>
 *   <li>decimals, and money, as JSON strings in plain notation ({@code "1481"}, {@code "12.30"}), so
 *       that no reader ever passes money through a binary floating point (RFC 8785 section 6 advises this).</li>
 * </ul>
 * Fairshare writes this itself rather than canonicalising with a library because it never writes
 * floating-point numbers, the one part of JCS that is hard; the tests hold it to the RFC's own
 * examples and to an independent implementation (java-json-canonicalization).
 */
public final class CanonicalJson {
    private static final long MAX_EXACT = (1L << 53) - 1;

    /** An open object (members by name, sorted) or array (elements in order). */
    private static final class Frame {
        final TreeMap<String, String> members;
        final StringBuilder elements;
        String pendingName;

        Frame(boolean object) {
            this.members = object ? new TreeMap<>() : null;
            this.elements = object ? null : new StringBuilder();
        }
    }

    private final Deque<Frame> open = new ArrayDeque<>();
    private String root;

    public CanonicalJson beginObject() {
        open.push(new Frame(true));
        return this;
    }

    public CanonicalJson endObject() {
        Frame f = open.pop();
        if (f.members == null || f.pendingName != null) {
            throw new IllegalStateException("endObject without an open object, or after a name without a value");
        }
        StringBuilder sb = new StringBuilder();
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, String> m : f.members.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, m.getKey());
            sb.append(':').append(m.getValue());
        }
        return emit(sb.append('}').toString());
    }

    public CanonicalJson beginArray() {
        open.push(new Frame(false));
        return this;
    }

    public CanonicalJson endArray() {
        Frame f = open.pop();
        if (f.elements == null) {
            throw new IllegalStateException("endArray without an open array");
        }
        return emit("[" + f.elements + "]");
    }

    public CanonicalJson name(String name) {
        Frame f = open.peek();
        if (f == null || f.members == null || f.pendingName != null) {
            throw new IllegalStateException("a name belongs in an object, before its value: " + name);
        }
        if (f.members.containsKey(name)) {
            throw new IllegalArgumentException("repeated member name: " + name);
        }
        f.pendingName = name;
        return this;
    }

    public CanonicalJson value(String value) {
        if (value == null) {
            return emit("null");
        }
        StringBuilder sb = new StringBuilder(value.length() + 2);
        string(sb, value);
        return emit(sb.toString());
    }

    public CanonicalJson value(long value) {
        if (value > MAX_EXACT || value < -MAX_EXACT) {
            throw new IllegalArgumentException("an integer beyond I-JSON's exact range (2^53): " + value);
        }
        return emit(Long.toString(value));
    }

    public CanonicalJson value(boolean value) {
        return emit(Boolean.toString(value));
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
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text; only once every object and array is closed. */
    @Override
    public String toString() {
        if (!open.isEmpty() || root == null) {
            throw new IllegalStateException("unclosed object or array, or nothing written");
        }
        return root;
    }

    /** Plain notation without trailing zeros; zero is {@code 0}. */
    public static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private CanonicalJson emit(String json) {
        Frame f = open.peek();
        if (f == null) {
            if (root != null) {
                throw new IllegalStateException("a second top-level value");
            }
            root = json;
        } else if (f.members != null) {
            if (f.pendingName == null) {
                throw new IllegalStateException("a value in an object needs a name first");
            }
            f.members.put(f.pendingName, json);
            f.pendingName = null;
        } else {
            if (f.elements.length() > 0) {
                f.elements.append(',');
            }
            f.elements.append(json);
        }
        return this;
    }

    /**
     * Appends {@code s} as a JCS string (quotes included): for writers of a fixed member order that
     * sort their names themselves and need no tree of members.
     */
    public static void quote(StringBuilder out, String s) {
        string(out, s);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
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
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("a lone surrogate at index " + i + " is not Unicode text");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
