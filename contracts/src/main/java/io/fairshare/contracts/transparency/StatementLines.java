package io.fairshare.contracts.transparency;

import io.fairshare.contracts.canonical.CanonicalJson;
import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of an issued statement line, the bytes a Merkle leaf hashes (contracts README,
 * "Statement line form"). It is derived from the statement's own JSON as settlement issues it
 * ({@code fairshare.settlement.society-statement.v1} or {@code ...platform-statement.v1}), so a
 * verifier needs the statement and nothing else: for every line of the statement's line sections,
 * in the order {@link #SECTIONS} names and then in statement order, one RFC 8785 (JCS) object of a
 * fixed set of members:
 * <pre>
 * schema          "fairshare.transparency.statement-line.v1"
 * periodId        the statement's period.id
 * statementId     the statement's id
 * section         lines | adjustments | violations | held (payee statements); unclaimed | disputed (platform statements)
 * lineNumber      the line's 0-based position in its section
 * addressee       {"kind": SOCIETY | PARTY | PLATFORM, "id": ...}
 * currency        ISO 4217 code
 * amountMinor     the line's amount in minor units of the currency (an integer)
 * platformId, societyId, partyId, workId, workCategory, usageType, unitKind, status, tariffId,
 * pricedWith, correctsPeriod   strings or null, as in the statement
 * disputed, backClaim          booleans
 * events, units                integers
 * attributedUnits              the exact decimal as a string, as in the statement
 * </pre>
 */
public final class StatementLines {
    public static final String SCHEMA = "fairshare.transparency.statement-line.v1";
    /** The statement members that hold lines, in leaf order. */
    public static final List<String> SECTIONS = List.of("lines", "adjustments", "violations", "held", "unclaimed", "disputed");

    private static final List<String> TEXT_FIELDS = List.of("platformId", "societyId", "partyId", "workId", "workCategory", "usageType",
            "unitKind", "status", "tariffId", "pricedWith", "correctsPeriod");
    private static final List<String> FLAGS = List.of("disputed", "backClaim");
    private static final List<String> COUNTS = List.of("events", "units");

    private StatementLines() {
    }

    /** One line of a statement: where it is, and its canonical bytes. */
    public record Line(String statementId, String section, int lineNumber, byte[] canonical) {
        public String ref() {
            return statementId + " " + section + "[" + lineNumber + "]";
        }

        public byte[] leafHash() {
            return MerkleTree.leafHash(canonical);
        }
    }

    /** Every line of a statement given as JSON text, in leaf order. */
    public static List<Line> of(String statementJson) {
        return of(JsonText.object(JsonText.parse(statementJson), "the statement"));
    }

    /** Every line of a parsed statement, in leaf order; a malformed statement or line is an {@link IllegalArgumentException}. */
    public static List<Line> of(Map<String, Object> statement) {
        String statementId = text(statement, "statementId", "the statement");
        String periodId = text(JsonText.object(statement.get("period"), "the statement's period"), "id", "the statement's period");
        String currencyCode = text(statement, "currency", "the statement");
        CurrencyUnit currency = CurrencyUnit.require(currencyCode);
        String kind;
        String addressee;
        if (statement.get("payee") != null) {
            Map<String, Object> payee = JsonText.object(statement.get("payee"), "the statement's payee");
            kind = text(payee, "kind", "the statement's payee");
            addressee = text(payee, "id", "the statement's payee");
        } else {
            kind = "PLATFORM";
            addressee = text(statement, "platformId", "the statement");
        }
        List<Line> out = new ArrayList<>();
        for (String section : SECTIONS) {
            Object lines = statement.get(section);
            if (lines == null) {
                continue;
            }
            List<Object> list = JsonText.array(lines, "the statement's " + section);
            for (int n = 0; n < list.size(); n++) {
                String where = statementId + " " + section + "[" + n + "]";
                Map<String, Object> line = JsonText.object(list.get(n), where);
                out.add(new Line(statementId, section, n, canonical(periodId, statementId, section, n, currency.code(), kind, addressee,
                        line, minor(line, currency, where), where)));
            }
        }
        return out;
    }

    /**
     * The line's RFC 8785 bytes, written member by member in JCS order (names sorted by UTF-16 code
     * units; the test holds this to {@link CanonicalJson}'s output): a statement of 100,000 lines
     * needs no tree of members per line.
     */
    static byte[] canonical(String periodId, String statementId, String section, int lineNumber, String currency, String kind,
                            String addressee, Map<String, Object> line, long amountMinor, String where) {
        StringBuilder b = new StringBuilder(640);
        b.append("{\"addressee\":{\"id\":");
        CanonicalJson.quote(b, addressee);
        b.append(",\"kind\":");
        CanonicalJson.quote(b, kind);
        b.append("},\"amountMinor\":").append(exact(amountMinor, where));
        b.append(",\"attributedUnits\":");
        CanonicalJson.quote(b, decimalText(line, "attributedUnits", where));
        b.append(",\"backClaim\":").append(flag(line, "backClaim", where));
        member(b, "correctsPeriod", optionalText(line, "correctsPeriod", where));
        member(b, "currency", currency);
        b.append(",\"disputed\":").append(flag(line, "disputed", where));
        b.append(",\"events\":").append(exact(integer(line, "events", where), where));
        b.append(",\"lineNumber\":").append(lineNumber);
        member(b, "partyId", optionalText(line, "partyId", where));
        member(b, "periodId", periodId);
        member(b, "platformId", optionalText(line, "platformId", where));
        member(b, "pricedWith", optionalText(line, "pricedWith", where));
        member(b, "schema", SCHEMA);
        member(b, "section", section);
        member(b, "societyId", optionalText(line, "societyId", where));
        member(b, "statementId", statementId);
        member(b, "status", optionalText(line, "status", where));
        member(b, "tariffId", optionalText(line, "tariffId", where));
        member(b, "unitKind", optionalText(line, "unitKind", where));
        b.append(",\"units\":").append(exact(integer(line, "units", where), where));
        member(b, "usageType", optionalText(line, "usageType", where));
        member(b, "workCategory", optionalText(line, "workCategory", where));
        member(b, "workId", optionalText(line, "workId", where));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void member(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        if (value == null) {
            b.append("null");
        } else {
            CanonicalJson.quote(b, value);
        }
    }

    /** I-JSON's exact integer range, as {@link CanonicalJson} holds it. */
    private static long exact(long value, String where) {
        if (Math.abs(value) > (1L << 53) - 1) {
            throw new IllegalArgumentException(where + ": an integer beyond I-JSON's exact range: " + value);
        }
        return value;
    }

    /** The same line through {@link CanonicalJson}: the reference the fast writer is held to. */
    static byte[] canonicalByTree(String periodId, String statementId, String section, int lineNumber, String currency, String kind,
                                  String addressee, Map<String, Object> line, long amountMinor, String where) {
        CanonicalJson j = new CanonicalJson().beginObject()
                .field("schema", SCHEMA)
                .field("periodId", periodId)
                .field("statementId", statementId)
                .field("section", section)
                .field("lineNumber", lineNumber)
                .field("currency", currency);
        j.name("addressee").beginObject().field("kind", kind).field("id", addressee).endObject();
        for (String f : TEXT_FIELDS) {
            j.field(f, optionalText(line, f, where));
        }
        for (String f : FLAGS) {
            j.field(f, flag(line, f, where));
        }
        for (String f : COUNTS) {
            j.field(f, integer(line, f, where));
        }
        j.field("attributedUnits", decimalText(line, "attributedUnits", where));
        j.field("amountMinor", amountMinor);
        return j.endObject().toBytes();
    }

    private static String text(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(where + ": " + name + " must be a string");
    }

    private static String optionalText(Map<String, Object> m, String name, String where) {
        Object v = m.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(where + ": " + name + " must be a string or null");
    }

    private static boolean flag(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where + ": " + name + " must be true or false");
    }

    private static long integer(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(where + ": " + name + " must be an integer");
            }
        }
        throw new IllegalArgumentException(where + ": " + name + " must be an integer");
    }

    private static String decimalText(Map<String, Object> m, String name, String where) {
        String s = text(m, name, where);
        try {
            return CanonicalJson.plain(new BigDecimal(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + name + " must be a decimal: " + s);
        }
    }

    private static long minor(Map<String, Object> m, CurrencyUnit currency, String where) {
        String s = text(m, "amount", where);
        try {
            return Money.ofExact(new BigDecimal(s), currency).map(Money::minor).orElseThrow(() ->
                    new IllegalArgumentException(where + ": amount " + s + " has more decimals than " + currency.code() + " has"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": amount must be a decimal: " + s);
        }
    }
}
