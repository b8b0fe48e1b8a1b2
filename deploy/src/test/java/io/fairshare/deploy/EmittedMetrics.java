package io.fairshare.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series the services' own Micrometer meters produce, found in their main sources:
 * {@code registry.counter("a.b", "k", v)}, {@code Counter.builder("a.b").tag("k", v)}, timers, gauges,
 * summaries and {@code @Counted}/{@code @Timed}. Names are normalised the way Micrometer's Prometheus
 * registry does: dots and dashes become underscores, counters end in {@code _total}, timers are in
 * seconds with {@code _count}, {@code _sum}, {@code _max} (and {@code _bucket} with a histogram).
 * A name given through a constant is resolved when the constant is a string literal in the same file.
 */
final class EmittedMetrics {
    private static final Pattern REGISTRY_CALL = Pattern.compile(
            "\\.(counter|timer|gauge|summary|more\\(\\)\\.timeGauge|more\\(\\)\\.longTaskTimer)\\(\\s*(\"[^\"]*\"|[A-Z][A-Z0-9_]*)");
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|FunctionTimer|LongTaskTimer|Gauge|TimeGauge|DistributionSummary)\\.builder\\(\\s*(\"[^\"]*\"|[A-Z][A-Z0-9_]*)");
    private static final Pattern ANNOTATION = Pattern.compile("@(Counted|Timed)\\(\\s*(?:value\\s*=\\s*)?(\"[^\"]*\")");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern TAG_CALL = Pattern.compile("\\.tag\\(\\s*\"([^\"]+)\"");
    private static final Pattern TAGS_OF = Pattern.compile("\\bTags?\\.of\\(([^)]*)\\)");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([^\"]+)\"");

    private EmittedMetrics() {
    }

    /** Series name to its label names, over every module's src/main/java. */
    static Map<String, Set<String>> scan(Path root) {
        Map<String, Set<String>> all = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> walk = Files.walk(main)) {
                        walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            scanSource(Yaml.read(f)).forEach((k, v) -> all.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        }
        return all;
    }

    static Map<String, Set<String>> scanSource(String source) {
        Map<String, String> constants = new TreeMap<>();
        Matcher c = CONSTANT.matcher(source);
        while (c.find()) {
            constants.put(c.group(1), c.group(2));
        }
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher m = REGISTRY_CALL.matcher(source);
        while (m.find()) {
            String kind = m.group(1).replace("more().", "");
            String name = name(m.group(2), constants);
            if (name == null) {
                continue;
            }
            String call = argumentsFrom(source, m.start(1) + m.group(1).length());
            Set<String> tags = new TreeSet<>(tagsOf(statement(source, m.start())));
            List<String> args = topLevelArguments(call);
            // registry.counter("name", "k1", v1, "k2", v2): string keys at odd positions
            if (!kind.equals("gauge") && args.size() > 1 && args.get(1).startsWith("\"")) {
                for (int i = 1; i < args.size(); i += 2) {
                    if (args.get(i).startsWith("\"")) {
                        tags.add(args.get(i).substring(1, args.get(i).length() - 1));
                    }
                }
            }
            add(out, kind, name, tags, statement(source, m.start()));
        }
        Matcher b = BUILDER.matcher(source);
        while (b.find()) {
            String name = name(b.group(2), constants);
            if (name != null) {
                String stmt = statement(source, b.start());
                add(out, b.group(1), name, tagsOf(stmt), stmt);
            }
        }
        Matcher a = ANNOTATION.matcher(source);
        while (a.find()) {
            String name = name(a.group(2), constants);
            add(out, a.group(1).equals("Counted") ? "counter" : "timer", name, Set.of(), "");
        }
        return out;
    }

    private static String name(String literalOrConstant, Map<String, String> constants) {
        if (literalOrConstant.startsWith("\"")) {
            return literalOrConstant.substring(1, literalOrConstant.length() - 1);
        }
        return constants.get(literalOrConstant);
    }

    private static void add(Map<String, Set<String>> out, String kind, String meterName, Set<String> tags, String statement) {
        String base = meterName.replace('.', '_').replace('-', '_');
        Matcher unit = BASE_UNIT.matcher(statement);
        boolean histogram = statement.contains("publishPercentileHistogram") || statement.contains("serviceLevelObjectives");
        List<String> series = new ArrayList<>();
        switch (kind.toLowerCase()) {
            case "counter", "functioncounter" -> series.add(base.endsWith("_total") ? base : base + "_total");
            case "timer", "functiontimer" -> {
                series.add(base + "_seconds_count");
                series.add(base + "_seconds_sum");
                series.add(base + "_seconds_max");
                if (histogram) {
                    series.add(base + "_seconds_bucket");
                }
            }
            case "longtasktimer" -> {
                series.add(base + "_seconds_active_count");
                series.add(base + "_seconds_duration_sum");
                series.add(base + "_seconds_max");
            }
            case "timegauge" -> series.add(base + "_seconds");
            case "summary", "distributionsummary" -> {
                String b = unit.find() ? base + "_" + unit.group(1) : base;
                series.add(b + "_count");
                series.add(b + "_sum");
                series.add(b + "_max");
                if (histogram) {
                    series.add(b + "_bucket");
                }
            }
            default -> series.add(unit.find() ? base + "_" + unit.group(1) : base);
        }
        for (String s : series) {
            Set<String> labels = out.computeIfAbsent(s, x -> new TreeSet<>());
            labels.addAll(tags);
            if (s.endsWith("_bucket")) {
                labels.add("le");
            }
        }
    }

    private static Set<String> tagsOf(String statement) {
        Set<String> tags = new TreeSet<>();
        Matcher t = TAG_CALL.matcher(statement);
        while (t.find()) {
            tags.add(t.group(1));
        }
        Matcher of = TAGS_OF.matcher(statement);
        while (of.find()) {
            List<String> args = topLevelArguments(of.group(1));
            for (int i = 0; i < args.size(); i += 2) {
                if (args.get(i).startsWith("\"")) {
                    tags.add(args.get(i).substring(1, args.get(i).length() - 1));
                }
            }
        }
        return tags;
    }

    /** From a position to the end of its statement (the next ';' outside string literals). */
    private static String statement(String source, int from) {
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char ch = source.charAt(i);
            if (ch == '"' && source.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (ch == ';' && !inString) {
                return source.substring(from, i);
            }
        }
        return source.substring(from);
    }

    /** The text between the parenthesis at {@code openAt} and its matching close. */
    private static String argumentsFrom(String source, int openAt) {
        int depth = 0;
        boolean inString = false;
        for (int i = openAt; i < source.length(); i++) {
            char ch = source.charAt(i);
            if (ch == '"' && source.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && ch == '(') {
                depth++;
            } else if (!inString && ch == ')' && --depth == 0) {
                return source.substring(openAt + 1, i);
            }
        }
        return source.substring(openAt + 1);
    }

    private static List<String> topLevelArguments(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (ch == '"' && (i == 0 || args.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (ch == '(' || ch == '[' || ch == '{')) {
                depth++;
            } else if (!inString && (ch == ')' || ch == ']' || ch == '}')) {
                depth--;
            } else if (!inString && ch == ',' && depth == 0) {
                out.add(args.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!args.isBlank()) {
            out.add(args.substring(start).trim());
        }
        return out;
    }
}
