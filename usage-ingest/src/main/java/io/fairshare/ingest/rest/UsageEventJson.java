package io.fairshare.ingest.rest;

import io.fairshare.ingest.domain.CloudEventInput;
import io.fairshare.ingest.domain.Sent;
import io.fairshare.ingest.domain.UsageEventInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one translation of a usage event from the parsed body (the generic tree of
 * {@link RequestBodyParser}: maps, lists, strings, whole numbers, BigDecimals, booleans, nulls) into
 * the domain's typed, not yet validated input ({@link UsageEventInput}, {@link CloudEventInput}).
 * It reads each field once and judges nothing: whatever is missing or of another kind is kept as
 * such for the validator to report. Members the domain does not know are ignored.
 */
public final class UsageEventJson {
    private UsageEventJson() {
    }

    /** A plain event, or {@link Sent.Other} when the element is not an object. */
    public static Sent<UsageEventInput> plain(Object json) {
        return json instanceof Map<?, ?> m ? Sent.got(event(m)) : other(json);
    }

    /** A structured-mode CloudEvent, or {@link Sent.Other} when the element is not an object. */
    public static Sent<CloudEventInput> cloudEvent(Object json) {
        if (!(json instanceof Map<?, ?> ce)) {
            return other(json);
        }
        Object data = ce.get("data");
        return Sent.got(new CloudEventInput(text(ce.get("specversion")), text(ce.get("id")), text(ce.get("source")),
                text(ce.get("type")), text(ce.get("datacontenttype")), ce.containsKey("data_base64"),
                data instanceof Map<?, ?> d ? Sent.got(event(d)) : other(data)));
    }

    private static UsageEventInput event(Map<?, ?> f) {
        return new UsageEventInput(text(f.get("eventId")), text(f.get("platformId")), text(f.get("modelId")),
                text(f.get("modelVersion")), text(f.get("usageType")), work(f.get("work")), number(f.get("units")),
                text(f.get("unitKind")), text(f.get("usedAt")), text(f.get("territory")), text(f.get("datasetId")),
                number(f.get("attributionWeight")), text(f.get("trainingRunId")));
    }

    private static Sent<UsageEventInput.Work> work(Object v) {
        if (!(v instanceof Map<?, ?> w)) {
            return other(v);
        }
        Object ids = w.get("identifiers");
        Sent<List<Sent<UsageEventInput.Identifier>>> identifiers;
        if (ids instanceof List<?> list) {
            List<Sent<UsageEventInput.Identifier>> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(e instanceof Map<?, ?> id
                        ? Sent.got(new UsageEventInput.Identifier(text(id.get("scheme")), text(id.get("value"))))
                        : other(e));
            }
            identifiers = Sent.got(out);
        } else {
            identifiers = other(ids);
        }
        return Sent.got(new UsageEventInput.Work(identifiers, text(w.get("title"))));
    }

    private static Sent<String> text(Object v) {
        return v instanceof String s ? Sent.got(s) : other(v);
    }

    /** A whole number as a BigInteger, a decimal as a BigDecimal. */
    private static Sent<Number> number(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return Sent.got(BigInteger.valueOf(((Number) v).longValue()));
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            return Sent.got((Number) v);
        }
        return other(v);
    }

    /** Missing for null; else the value's kind and text (canonical for objects and arrays). */
    private static <T> Sent<T> other(Object v) {
        if (v == null) {
            return Sent.missing();
        }
        if (v instanceof String s) {
            return Sent.other(Sent.Kind.STRING, s);
        }
        if (v instanceof BigDecimal) {
            return Sent.other(Sent.Kind.DECIMAL, v.toString());
        }
        if (v instanceof Number) {
            return Sent.other(Sent.Kind.WHOLE, v.toString());
        }
        if (v instanceof Boolean) {
            return Sent.other(Sent.Kind.BOOLEAN, v.toString());
        }
        StringBuilder sb = new StringBuilder();
        canonical(v, sb);
        return Sent.other(v instanceof Map ? Sent.Kind.OBJECT : Sent.Kind.ARRAY, sb.toString());
    }

    /**
     * An unambiguous rendering, equal for two values exactly when they are equal as parsed (object
     * members in any order; numbers of one Java type, as the parser chose by magnitude).
     */
    private static void canonical(Object v, StringBuilder sb) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            sb.append('{');
            sorted.forEach((k, x) -> {
                sb.append(k.length()).append(':').append(k);
                canonical(x, sb);
            });
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (Object x : l) {
                canonical(x, sb);
            }
            sb.append(']');
        } else if (v == null) {
            sb.append('n');
        } else {
            String s = v.toString();
            sb.append(v.getClass().getSimpleName()).append(s.length()).append(':').append(s);
        }
    }
}
