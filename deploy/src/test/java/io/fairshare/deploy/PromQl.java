package io.fairshare.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Just enough PromQL reading to check a dashboard: the metric names an expression selects, the labels
 * its selectors match on, and the labels it groups by. Functions and aggregations are recognised by a
 * following parenthesis or by name; ranges, strings, numbers and Grafana variables are skipped.
 */
final class PromQl {
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("bool", "and", "or", "unless", "offset", "atan2", "inf", "nan");

    record Selector(String metric, Set<String> labels) {
    }

    record Parsed(List<Selector> selectors, Set<String> groupingLabels) {
        Set<String> metrics() {
            Set<String> out = new TreeSet<>();
            selectors.forEach(s -> {
                if (s.metric() != null) {
                    out.add(s.metric());
                }
            });
            return out;
        }
    }

    private PromQl() {
    }

    static Parsed parse(String expr) {
        List<Selector> selectors = new ArrayList<>();
        Set<String> grouping = new TreeSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char ch = expr.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '"' || ch == '\'' || ch == '`') {
                i = skipString(expr, i);
            } else if (ch == '[') {
                int close = expr.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed range in " + expr);
                }
                i = close + 1;
            } else if (ch == '{') {
                int close = closing(expr, i, '{', '}');
                selectors.add(new Selector(null, matcherLabels(expr.substring(i + 1, close))));
                i = close + 1;
            } else if (ch == '$') {
                i++;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
                    i++;
                }
            } else if (Character.isDigit(ch) || (ch == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(ch) || ch == '_' || ch == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpaces(expr, i);
                boolean callsOrLists = next < n && expr.charAt(next) == '(';
                if (LABEL_LIST_KEYWORDS.contains(word)) {
                    if (callsOrLists) {
                        int close = closing(expr, next, '(', ')');
                        for (String label : expr.substring(next + 1, close).split(",")) {
                            if (!label.isBlank()) {
                                grouping.add(label.trim());
                            }
                        }
                        i = close + 1;
                    }
                } else if (callsOrLists || AGGREGATIONS.contains(word) || KEYWORDS.contains(word.toLowerCase())) {
                    // a function, an aggregation or an operator keyword: its arguments are read as they come
                } else if (next < n && expr.charAt(next) == '{') {
                    int close = closing(expr, next, '{', '}');
                    selectors.add(new Selector(word, matcherLabels(expr.substring(next + 1, close))));
                    i = close + 1;
                } else {
                    selectors.add(new Selector(word, Set.of()));
                }
            } else {
                i++;
            }
        }
        return new Parsed(List.copyOf(selectors), grouping);
    }

    private static Set<String> matcherLabels(String body) {
        Set<String> labels = new TreeSet<>();
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch == '"' || ch == '\'' || ch == '`') {
                i = skipString(body, i);
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
                    i++;
                }
                labels.add(body.substring(start, i));
            } else {
                i++;
            }
        }
        return labels;
    }

    private static int skipString(String s, int at) {
        char quote = s.charAt(at);
        int i = at + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("unclosed string in " + s);
        }
        return i + 1;
    }

    private static int skipSpaces(String s, int at) {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int closing(String s, int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'' || ch == '`') {
                i = skipString(s, i) - 1;
            } else if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + o + c + " in " + s);
    }
}
