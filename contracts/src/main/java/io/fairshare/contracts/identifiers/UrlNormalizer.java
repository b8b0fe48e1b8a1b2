package io.fairshare.contracts.identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical URL of a work (a news article, a page): the rules behind
 * {@code Identifiers.normalize(IdScheme.URL, raw)}.
 *
 * <p>Accepted: an absolute {@code http} or {@code https} URL of at most {@value #MAX_LENGTH}
 * characters, with a host, without user information, whitespace, control characters or
 * backslashes, and whose '%' characters each start a two-hex-digit escape.
 *
 * <p>Canonical form, built as {@code scheme://host[:port][path][?query]}:
 * <ol>
 *   <li>scheme and host in lower case ({@link Locale#ROOT}); internationalised host names are
 *       only lower-cased, not converted to punycode;</li>
 *   <li>the port is dropped when it is the default (80 for http, 443 for https) or empty, and is
 *       otherwise written without leading zeros;</li>
 *   <li>the fragment ({@code #...}) is dropped;</li>
 *   <li>every trailing '/' of the path is removed, so the root ("", "/") has no path at all:
 *       {@code https://example.com}, {@code https://example.com?page=2}; dot segments and
 *       repeated slashes inside the path are kept;</li>
 *   <li>the hex digits of every %xx escape are upper-cased; nothing is decoded or encoded;</li>
 *   <li>query parameters are split on '&amp;'; empty ones are dropped, and so are tracking
 *       parameters, matched by name ignoring case: any name starting with {@code utm_}, and
 *       {@code fbclid}, {@code gclid}, {@code mc_cid}, {@code mc_eid}, {@code igshid},
 *       {@code ref_src}. The rest are sorted by name (the text before the first '=', compared
 *       character by character, i.e. ASCII order), parameters with the same name keeping their
 *       order; no query is left when none remain.</li>
 * </ol>
 * Example: {@code HTTPS://Example.COM:443/News/1/?utm_source=x&b=2&a=%2f#top} becomes
 * {@code https://example.com/News/1?a=%2F&b=2}.
 */
final class UrlNormalizer {
    /** Longest URL accepted, counted on the input after surrounding whitespace is removed. */
    static final int MAX_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src");

    private UrlNormalizer() {
    }

    static IdResult normalize(String s) {
        if (s.length() > MAX_LENGTH) {
            return IdResult.error("URL_TOO_LONG", "URL is " + s.length() + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Text.isSpace(c)) {
                return IdResult.error("URL_FORMAT", "URL must not contain whitespace (percent-encode it, e.g. %20); "
                        + Text.quote(s) + " has " + Text.describeChar(c) + " at position " + (i + 1));
            }
            if (Character.isISOControl(c) || c == '\\') {
                return IdResult.error("URL_FORMAT", "URL must not contain control characters or backslashes; "
                        + Text.quote(s) + " has " + Text.describeChar(c) + " at position " + (i + 1));
            }
        }
        Matcher m = SCHEME.matcher(s);
        if (!m.find()) {
            return IdResult.error("URL_FORMAT", "URL must be absolute, starting with https:// or http://; was " + Text.quote(s));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return IdResult.error("URL_SCHEME", "URL scheme must be http or https; " + Text.quote(s) + " uses " + Text.quote(scheme));
        }
        String rest = s.substring(m.end());
        if (!rest.startsWith("//")) {
            return IdResult.error("URL_FORMAT", "URL must be absolute, starting with " + scheme + "://; was " + Text.quote(s));
        }
        rest = rest.substring(2);
        int authorityEnd = firstOf(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        if (authority.indexOf('@') >= 0) {
            // The message must not repeat the input: the user information may hold a password.
            return IdResult.error("URL_USERINFO", "URL must not carry user information (user:password@) before the host;"
                    + " remove everything between " + scheme + ":// and '@'");
        }

        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return IdResult.error("URL_FORMAT", "URL has an IPv6 host without its closing ']': " + Text.quote(s));
            }
            host = authority.substring(0, close + 1);
            String tail = authority.substring(close + 1);
            if (!tail.isEmpty() && !tail.startsWith(":")) {
                return IdResult.error("URL_FORMAT", "URL has characters after the IPv6 host " + host + ": " + Text.quote(s));
            }
            port = tail.isEmpty() ? "" : tail.substring(1);
            String problem = ipv6Problem(host.substring(1, host.length() - 1));
            if (problem != null) {
                return IdResult.error("URL_FORMAT", "URL host " + host + " is not a valid IPv6 literal (" + problem + "): " + Text.quote(s));
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
            if (host.isEmpty()) {
                return IdResult.error("URL_FORMAT", "URL must name a host after " + scheme + "://; was " + Text.quote(s));
            }
            String problem = hostProblem(host);
            if (problem != null) {
                return IdResult.error("URL_FORMAT", "URL host " + Text.quote(host) + " is invalid: " + problem);
            }
        }
        host = host.toLowerCase(Locale.ROOT);

        String portPart = "";
        if (!port.isEmpty()) {
            int p = port.length() <= 5 && Text.allDigits(port) ? Integer.parseInt(port) : -1;
            if (p < 1 || p > 65535) {
                return IdResult.error("URL_FORMAT", "URL port must be a number from 1 to 65535; " + Text.quote(s) + " has port "
                        + Text.quote(port));
            }
            boolean isDefault = (p == 80 && scheme.equals("http")) || (p == 443 && scheme.equals("https"));
            portPart = isDefault ? "" : ":" + p;
        }

        int hash = afterAuthority.indexOf('#');
        String withoutFragment = hash < 0 ? afterAuthority : afterAuthority.substring(0, hash);
        int question = withoutFragment.indexOf('?');
        String path = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
        String query = question < 0 ? "" : withoutFragment.substring(question + 1);

        int badEscape = badEscape(withoutFragment);
        if (badEscape >= 0) {
            return IdResult.error("URL_FORMAT", "URL has a '%' not followed by two hex digits (write a literal % as %25); "
                    + Text.quote(s) + " has one at position " + (s.length() - afterAuthority.length() + badEscape + 1));
        }

        String canonicalPath = stripTrailingSlashes(upperCaseEscapes(path));
        String canonicalQuery = canonicalQuery(upperCaseEscapes(query));
        return IdResult.ok(new WorkId(IdScheme.URL, scheme + "://" + host + portPart + canonicalPath
                + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery)));
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Why {@code host} is not a registered name or IPv4 address, or null if it is one. */
    private static String hostProblem(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = c == '-' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c > 127 && Character.isLetterOrDigit(c));
            if (!ok) {
                return "it may hold only letters, digits, '-' and '.', found " + Text.describeChar(c);
            }
        }
        String[] labels = host.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            boolean trailingDot = i == labels.length - 1 && i > 0;
            if (labels[i].isEmpty() && !trailingDot) {
                return "it has an empty label (two dots in a row, or a leading dot)";
            }
        }
        return null;
    }

    private static String ipv6Problem(String inside) {
        if (inside.isEmpty()) {
            return "empty";
        }
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (!(Text.isHex(c) || c == ':' || c == '.')) {
                return "found " + Text.describeChar(c);
            }
        }
        if (inside.indexOf(':') < 0) {
            return "no ':'";
        }
        return null;
    }

    /** Index of the first '%' not followed by two hex digits, or -1. */
    private static int badEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%' && (i + 2 >= s.length() || !Text.isHex(s.charAt(i + 1)) || !Text.isHex(s.charAt(i + 2)))) {
                return i;
            }
        }
        return -1;
    }

    private static String upperCaseEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        char[] cs = s.toCharArray();
        for (int i = 0; i + 2 < cs.length; i++) {
            if (cs[i] == '%') {
                cs[i + 1] = Character.toUpperCase(cs[i + 1]);
                cs[i + 2] = Character.toUpperCase(cs[i + 2]);
                i += 2;
            }
        }
        return new String(cs);
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static String canonicalQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&", -1)) {
            if (!param.isEmpty() && !isTracking(name(param))) {
                kept.add(param);
            }
        }
        kept.sort(Comparator.comparing(UrlNormalizer::name));
        return String.join("&", kept);
    }

    private static String name(String param) {
        int eq = param.indexOf('=');
        return eq < 0 ? param : param.substring(0, eq);
    }

    private static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || TRACKING.contains(n);
    }
}
