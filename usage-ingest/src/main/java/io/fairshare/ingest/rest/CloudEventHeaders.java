package io.fairshare.ingest.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudEvents HTTP binary content mode (HTTP protocol binding 1.0.2, section 3.1): the event's attributes travel as
 * {@code ce-<attribute>} headers, percent-encoded where they hold characters outside printable ASCII, and its data
 * is the body. A request is in binary mode when it carries {@code ce-specversion}. The event is then handed to the
 * same validation as a structured one, so both modes give the same answers and the same field errors.
 */
final class CloudEventHeaders {
    private static final String PREFIX = "ce-";

    private CloudEventHeaders() {
    }

    /** The binary-mode attributes of a request, by lower-case name; empty when it carries no {@code ce-specversion}. */
    static Map<String, String> attributes(Map<String, List<String>> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean binary = false;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !h.getValue().isEmpty()) {
                String attribute = name.substring(PREFIX.length());
                out.put(attribute, percentDecoded(h.getValue().get(0)));
                binary |= attribute.equals("specversion");
            }
        }
        return binary ? out : Map.of();
    }

    /** The structured form of a binary-mode event: its attributes and, as {@code data}, the parsed body. */
    static Object structured(Map<String, String> attributes, Object data) {
        Map<String, Object> event = new LinkedHashMap<>(attributes);
        event.remove("data");
        event.remove("data_base64");
        event.putIfAbsent("datacontenttype", UsageEventsResource.JSON);
        event.put("data", data);
        return event;
    }

    /** RFC 3986 percent-decoding of a header value as UTF-8 ({@code +} stays a plus sign). */
    static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
