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
 * Settlement's period close over N usage lines (default 10,000,000), against the same run's bare
 * aggregation query (the GROUP BY the close starts with) as the base of the ratio. The rows are
 * written straight into the usage ledger with SQL: 3 platforms, 50,000 works each owned by one
 * party of one of 5 societies, 10% of works unlicensed (statutory tariff).
 */
public final class CloseBenchmark {
    private CloseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 1 && args[0].equals("--rows") ? Long.parseLong(args[1]) : 10_000_000L;
        Path root = Locations.projectRoot().orElse(Path.of("").toAbsolutePath());
        Path jar = root.resolve("settlement/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -q install -DskipTests)");
        }
        Path home = Files.createDirectories(root.resolve(".fairshare/bench"));
        try (ServerSet servers = ServerSet.start(ServerSet.Options.defaults().workDir(home.resolve("servers-close")).deleteWorkDir(true))) {
            String jdbc = servers.postgres().createDatabase("settlement_bench");
            int port = Bench.freePort();
            ManagedProcess settlement = ManagedProcess.start(new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                    "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + servers.kafka().bootstrapServers(),
                    "-Dquarkus.datasource.jdbc.url=" + jdbc,
                    "-Dquarkus.datasource.username=" + servers.postgres().username(),
                    "-Dquarkus.datasource.password=" + servers.postgres().password(),
                    "-Dfairshare.settlement.operator-token=bench",
                    "-Dfairshare.settlement.close.enabled=false", // the benchmark times the API's close of 2026-10
                    "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(home.resolve("settlement-close.log").toFile()), "TERM");
            try {
                String base = "http://127.0.0.1:" + port;
                Bench.awaitReady(base + "/q/health/ready", Duration.ofSeconds(90));
                ServiceClient api = new ServiceClient(base, "bench", Duration.ofMinutes(20));
                api.put("/v1/statutory-scheme", Map.of("tariff", perUnit("statutory", "2"), "reservedPenaltyMultiplier", "3"));
                api.put("/v1/tariffs/licensed-2026", perUnit("licensed-2026", "1.5"));

                try (Connection c = DriverManager.getConnection(jdbc, servers.postgres().username(), servers.postgres().password());
                     Statement s = c.createStatement()) {
                    System.out.printf("writing %,d usage lines...%n", rows);
                    long t0 = System.nanoTime();
                    long chunk = 1_000_000;
                    for (long from = 1; from <= rows; from += chunk) {
                        long to = Math.min(rows, from + chunk - 1);
                        s.execute(String.format("""
                                INSERT INTO usage_line (settle_period, usage_period, platform_id, event_id, society_id, party_id, work_id,
                                    work_category, usage_type, unit_kind, tariff_id, status, disputed, back_claim, units, attributed_x)
                                SELECT '2026-10', '2026-10', 'platform-' || (g %% 3), 'e' || g, 'society-' || (w %% 5), 'party-' || (w %% 20000),
                                       'work-' || w, 'book', 'PRE_TRAINING', 'TOKENS',
                                       CASE WHEN w %% 10 = 0 THEN NULL ELSE 'licensed-2026' END,
                                       CASE WHEN w %% 10 = 0 THEN 'UNLICENSED' ELSE 'LICENSED' END,
                                       false, false, 1000 + g %% 500, (1000 + g %% 500) * 10000
                                FROM (SELECT g, (g * 7919) %% 50000 AS w FROM generate_series(%d::bigint, %d::bigint) g) x""", from, to));
                        System.out.printf("  %,d lines%n", to);
                    }
                    s.execute("ANALYZE usage_line");
                    System.out.printf("written in %.1f s%n", (System.nanoTime() - t0) / 1e9);

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

                    System.out.println("closing period 2026-10...");
                    long c0 = System.nanoTime();
                    JsonNode closed = api.post("/v1/periods/2026-10/close", null);
                    double close = (System.nanoTime() - c0) / 1e9;
                    int statements = closed.has("statements") ? closed.get("statements").size() : -1;
                    String md = String.format("""
                            | date | machine | usage lines | aggregated groups | close | bare GROUP BY (same run) | ratio close / GROUP BY | statements |
                            |---|---|---|---|---|---|---|---|
                            | %s | %s | %,d | %,d | %.1f s | %.1f s | %.2f | %d |
                            """, LocalDate.now(), Bench.machine(), rows, groups, close, groupBy, close / groupBy, statements);
                    System.out.println();
                    System.out.println(md);
                    Bench.write(root, "close", md);
                }
            } finally {
                settlement.stop(Duration.ofSeconds(15));
            }
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
