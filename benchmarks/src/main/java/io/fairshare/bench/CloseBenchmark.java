package io.fairshare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.servers.Locations;
import io.fairshare.servers.ManagedProcess;
import io.fairshare.servers.ServerSet;
import io.fairshare.stack.pipeline.ServiceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settlement's period close over N usage lines per period (default 10,000,000; {@code --quick}: 1,000,000), in one
 * run: two periods of the same N lines, 2026-10 closed by a settlement with the statement log switched off
 * ({@code fairshare.settlement.transparency.enabled=false}) and 2026-11 by one with it on, against the same run's
 * bare aggregation query over usage_line (the GROUP BY the close ran before it read the ledger's aggregate
 * {@code usage_total}) as the base of the close ratio; then the latency of a
 * model's disclosure report (public and detailed) and of a party's view over the 2026-11 lines (median and max of
 * 20 requests). The rows are written straight into the usage ledger with SQL: 3 platforms, 2 models, 50,000 works
 * each owned by one of 20,000 parties of one of 5 societies, 10% of works unlicensed (statutory tariff), one line
 * per event; the aggregates the ledger keeps as usage is appended are then filled from them with SQL (for one-line
 * events they are plain GROUP BYs).
 */
public final class CloseBenchmark {
    private static final List<String> PERIODS = List.of("2026-10", "2026-11");
    private static final int REQUESTS = 20;

    private CloseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--quick" -> rows = 1_000_000L;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --rows N, --quick)");
            }
        }
        Path root = Locations.projectRoot().orElse(Path.of("").toAbsolutePath());
        Path jar = root.resolve("settlement/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -q install -DskipTests)");
        }
        Path home = Files.createDirectories(root.resolve(".fairshare/bench"));
        String loadBefore = loadAverage();
        try (ServerSet servers = ServerSet.start(ServerSet.Options.defaults().workDir(home.resolve("servers-close")).deleteWorkDir(true))) {
            String jdbc = servers.postgres().createDatabase("settlement_bench");
            // one database, two services: the log off (the baseline) and on (as in production); started one after the other
            ManagedProcess withoutLog = settlement(servers, jdbc, jar, home, false);
            ManagedProcess withLog = null;
            try {
                ServiceClient off = await(withoutLog);
                withLog = settlement(servers, jdbc, jar, home, true);
                ServiceClient on = await(withLog);
                on.put("/v1/statutory-scheme", Map.of("tariff", perUnit("statutory", "2"), "reservedPenaltyMultiplier", "3"));
                on.put("/v1/tariffs/licensed-2026", perUnit("licensed-2026", "1.5"));

                try (Connection c = DriverManager.getConnection(jdbc, servers.postgres().username(), servers.postgres().password());
                     Statement s = c.createStatement()) {
                    for (String period : PERIODS) {
                        write(s, period, rows);
                    }
                    s.execute("ANALYZE");

                    long q0 = System.nanoTime();
                    long groups = 0;
                    try (ResultSet rs = s.executeQuery("""
                            SELECT platform_id, usage_period, society_id, party_id, work_id, work_category, usage_type, unit_kind, tariff_id, status,
                                   disputed, back_claim, count(*), sum(units), sum(attributed_x)
                            FROM usage_line WHERE settle_period = '2026-10'
                            GROUP BY platform_id, usage_period, society_id, party_id, work_id, work_category, usage_type, unit_kind, tariff_id, status,
                                     disputed, back_claim""")) {
                        while (rs.next()) {
                            groups++;
                        }
                    }
                    double groupBy = (System.nanoTime() - q0) / 1e9;
                    System.out.printf("baseline: the bare aggregation query, %,d groups, %.1f s%n", groups, groupBy);

                    System.out.println("closing period 2026-10, statement log off...");
                    long c0 = System.nanoTime();
                    JsonNode closedOff = off.post("/v1/periods/2026-10/close", null);
                    double closeOff = (System.nanoTime() - c0) / 1e9;
                    System.out.printf("  %.1f s%n", closeOff);
                    System.out.println("closing period 2026-11, statement log on...");
                    long c1 = System.nanoTime();
                    JsonNode closedOn = on.post("/v1/periods/2026-11/close", null);
                    double closeOn = (System.nanoTime() - c1) / 1e9;
                    System.out.printf("  %.1f s%n", closeOn);
                    double inClose = appendSeconds(on); // the log's part of the 2026-11 close, as the service timed it
                    System.out.printf("  of which the statement log: %.1f s%n", inClose);
                    long leaves = count(s, "SELECT count(*) FROM transparency_leaf WHERE period_id = '2026-11'");
                    long heads = count(s, "SELECT count(*) FROM transparency_tree_head");
                    String loadAfterClose = loadAverage();

                    String period = PERIODS.get(1);
                    String party = "party-" + 7919 % 20000; // the owner of work-7919: one of its 2-3 works
                    List<String[]> reads = new ArrayList<>();
                    reads.add(latency(on, "GET /v1/disclosure/" + period + "/platform-0/model-0 (public)",
                            "/v1/disclosure/" + period + "/platform-0/model-0"));
                    reads.add(latency(on, "GET /v1/disclosure/" + period + "/platform-0/model-0/detailed (operator)",
                            "/v1/disclosure/" + period + "/platform-0/model-0/detailed"));
                    reads.add(latency(on, "GET /v1/parties/" + party + "/usage?period=" + period + " (operator)",
                            "/v1/parties/" + party + "/usage?period=" + period));
                    String loadAfter = loadAverage();

                    String machine = Bench.machine();
                    StringBuilder md = new StringBuilder(String.format("""
                            | date | machine | load average (1 min: start, after the closes) | usage lines per period | aggregated groups | close, log off (2026-10) | close, log on (2026-11) | ratio on / off | of which the log | ratio within the close: on / (on - log) | leaves appended | bare GROUP BY (same run) | ratio close (on) / GROUP BY | statements (off, on) |
                            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                            | %s | %s | %s, %s | %,d | %,d | %.1f s | %.1f s | %.3f | %.1f s | %.3f | %,d (%d heads) | %.1f s | %.2f | %d, %d |

                            | date | machine | load average (1 min, after) | usage lines in the period | request | median | max | requests | bytes |
                            |---|---|---|---|---|---|---|---|---|
                            """, LocalDate.now(), machine, loadBefore, loadAfterClose, rows, groups, closeOff, closeOn, closeOn / closeOff,
                            inClose, closeOn / (closeOn - inClose), leaves, heads, groupBy, closeOn / groupBy, statements(closedOff), statements(closedOn)));
                    for (String[] r : reads) {
                        md.append(String.format("| %s | %s | %s | %,d | %s | %s | %s | %d | %s |%n", LocalDate.now(), machine, loadAfter, rows,
                                r[0], r[1], r[2], REQUESTS, r[3]));
                    }
                    System.out.println();
                    System.out.println(md);
                    Bench.write(root, "close", md.toString());
                }
            } finally {
                if (withLog != null) {
                    withLog.stop(Duration.ofSeconds(15));
                }
                withoutLog.stop(Duration.ofSeconds(15));
            }
        }
    }

    private static ManagedProcess settlement(ServerSet servers, String jdbc, Path jar, Path home, boolean log) throws Exception {
        int port = Bench.freePort();
        String name = log ? "settlement-close" : "settlement-close-no-log"; // its log file
        ManagedProcess p = ManagedProcess.start(new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + servers.kafka().bootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + jdbc,
                "-Dquarkus.datasource.username=" + servers.postgres().username(),
                "-Dquarkus.datasource.password=" + servers.postgres().password(),
                "-Dfairshare.settlement.operator-token=bench",
                "-Dfairshare.settlement.close.enabled=false", // the benchmark times the API's closes
                "-Dfairshare.settlement.transparency.enabled=" + log,
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile()), "TERM");
        PORTS.put(p, port);
        return p;
    }

    private static final Map<ManagedProcess, Integer> PORTS = new java.util.HashMap<>();

    private static ServiceClient await(ManagedProcess p) throws Exception {
        String base = "http://127.0.0.1:" + PORTS.get(p);
        Bench.awaitReady(base + "/q/health/ready", Duration.ofSeconds(120));
        return new ServiceClient(base, "bench", Duration.ofMinutes(30));
    }

    /** N lines of {@code period} (one per event), then the aggregates the ledger would have kept for them. */
    private static void write(Statement s, String period, long rows) throws Exception {
        System.out.printf("writing %,d usage lines of %s...%n", rows, period);
        long t0 = System.nanoTime();
        long chunk = 1_000_000;
        for (long from = 1; from <= rows; from += chunk) {
            long to = Math.min(rows, from + chunk - 1);
            s.execute(String.format("""
                    INSERT INTO usage_line (settle_period, usage_period, platform_id, event_id, society_id, party_id, work_id,
                        work_category, usage_type, unit_kind, tariff_id, status, disputed, back_claim, units, attributed_x, model_id, model_version)
                    SELECT '%1$s', '%1$s', 'platform-' || (g %% 3), 'e-%1$s-' || g, 'society-' || (w %% 5), 'party-' || (w %% 20000),
                           'work-' || w, 'book', 'PRE_TRAINING', 'TOKENS',
                           CASE WHEN w %% 10 = 0 THEN NULL ELSE 'licensed-2026' END,
                           CASE WHEN w %% 10 = 0 THEN 'UNLICENSED' ELSE 'LICENSED' END,
                           false, false, 1000 + g %% 500, (1000 + g %% 500) * 10000, 'model-' || (g / 3 %% 2), '1'
                    FROM (SELECT g, (g * 7919) %% 50000 AS w FROM generate_series(%2$d::bigint, %3$d::bigint) g) x""", period, from, to));
            System.out.printf("  %,d lines%n", to);
        }
        System.out.printf("written in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        long a0 = System.nanoTime();
        String where = " FROM usage_line WHERE settle_period = '" + period + "'";
        s.execute("INSERT INTO disclosure_total SELECT settle_period, platform_id, coalesce(model_id, ''), coalesce(model_version, ''),"
                + " work_category, usage_type, coalesce(society_id, ''), status, count(*), sum(units), count(*), sum(units), count(*), sum(units)"
                + where + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8");
        s.execute("INSERT INTO disclosure_work SELECT settle_period, platform_id, coalesce(model_id, ''), coalesce(model_version, ''), work_id,"
                + " coalesce(society_id, ''), status, count(*), sum(units)" + where + " GROUP BY 1, 2, 3, 4, 5, 6, 7");
        // the aggregate the close and the party view read (V130): every line, events = lines for one-line events
        s.execute("INSERT INTO usage_total SELECT coalesce(party_id, ''), settle_period, usage_period, platform_id, coalesce(model_id, ''),"
                + " coalesce(model_version, ''), coalesce(society_id, ''), work_id, work_category, usage_type, unit_kind, status,"
                + " coalesce(tariff_id, ''), disputed, back_claim, count(*), count(*), sum(units), sum(attributed_x)" + where
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15");
        System.out.printf("aggregates of %s filled in %.1f s%n", period, (System.nanoTime() - a0) / 1e9);
    }

    /** {label, median, max, response bytes} of {@value #REQUESTS} GETs after two warm-up requests. */
    private static String[] latency(ServiceClient api, String label, String path) throws Exception {
        long bytes = 0;
        for (int i = 0; i < 2; i++) {
            bytes = get(api, path);
        }
        long[] ns = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            get(api, path);
            ns[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(ns);
        String median = String.format("%.1f ms", (ns[REQUESTS / 2 - 1] + ns[REQUESTS / 2]) / 2e6);
        String max = String.format("%.1f ms", ns[REQUESTS - 1] / 1e6);
        System.out.printf("%s: median %s, max %s, %,d bytes%n", label, median, max, bytes);
        return new String[] {label, median, max, String.format("%,d", bytes)};
    }

    private static long get(ServiceClient api, String path) throws Exception {
        var r = api.send("GET", path, null, Map.of("Accept", "application/json"));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().length();
    }

    /** The service's own timer of its appends to the statement log (seconds, summed). */
    private static double appendSeconds(ServiceClient api) throws Exception {
        for (String line : api.getText("/q/metrics", "text/plain").split("\n")) {
            if (line.startsWith("fairshare_settlement_transparency_append_seconds_sum")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        System.out.println("the service reports no fairshare_settlement_transparency_append_seconds_sum");
        return Double.NaN;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int statements(JsonNode closed) {
        return closed.has("statements") ? closed.get("statements").size() : -1;
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static Map<String, Object> perUnit(String id, String amount) {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (String t : List.of("pre-training", "fine-tuning", "retrieval", "evaluation")) {
            for (String k : List.of("tokens", "bytes", "items", "seconds")) {
                rates.add(Map.of("usageType", t, "unitKind", k, "amount", amount, "per", 1000));
            }
        }
        return Map.of("id", id, "currency", "KRW", "unitRates", rates);
    }
}
