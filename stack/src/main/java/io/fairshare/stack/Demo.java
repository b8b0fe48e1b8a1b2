package io.fairshare.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.contracts.Topics;
import io.fairshare.seeds.SeedFiles;
import io.fairshare.seeds.SeedLoader;
import io.fairshare.seeds.SeedSet;
import io.fairshare.seeds.UsageWorkload;
import io.fairshare.seeds.WorkloadPoster;
import io.fairshare.stack.pipeline.ConsumerLag;
import io.fairshare.stack.pipeline.ServiceClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./fairshare up --demo}: once the stack is ready, loads {@code seeds/data} into the services, streams the
 * seeded workload through ingest's HTTP API (events of the last ended month, in Asia/Seoul, settlement's calendar),
 * waits until every service has consumed everything, closes that period, waits for payout to book the statements,
 * runs a payout, prints a summary with where the pain.001 file and the statement exports are, and shows the
 * transparency of the period ({@link DemoTransparency}): each model's disclosure report, a party's own view and a
 * statement verified against its signed tree head.
 */
public final class Demo implements AfterReady {
    private static final Duration CATCH_UP = Duration.ofMinutes(60);

    private final Path projectRoot;
    private final long events;
    private final PrintStream out;

    public Demo(Path projectRoot, long events, PrintStream out) {
        this.projectRoot = projectRoot;
        this.events = events;
        this.out = out;
    }

    @Override
    public void run(RunningStack stack) throws Exception {
        long t0 = System.nanoTime();
        Path seedsDir = projectRoot.resolve("seeds/data");
        out.println("\nDemo 1/6: loading " + projectRoot.relativize(seedsDir) + " ...");
        if (!Files.isRegularFile(seedsDir.resolve(SeedFiles.SPEC))) {
            throw new IllegalStateException(seedsDir + " holds no seeds; write them with: java -cp \"seeds/target/classes:seeds/target/lib/*\""
                    + " io.fairshare.seeds.GenerateSeeds");
        }
        SeedSet seeds = SeedFiles.read(seedsDir);
        out.printf("  %,d works, %,d parties, %d societies, %d platforms, %d licences, %d opted out%n", seeds.works().size(),
                seeds.parties().size(), seeds.societies().size(), seeds.platforms().size(), seeds.licences().size(),
                seeds.reservations().size());
        SeedLoader.Endpoints endpoints = stack.seedEndpoints();
        SeedLoader.Result loaded = new SeedLoader(endpoints, stack.operatorToken(), out).load(seeds);

        YearMonth period = YearMonth.now(UsageWorkload.SEOUL).minusMonths(1);
        out.printf("%nDemo 2/6: streaming %,d usage events of period %s over HTTP (Zipf over the works, %.1f%% unmatched) ...%n",
                events, period, UsageWorkload.UNMATCHED_PER_MILLE / 10.0);
        UsageWorkload workload = UsageWorkload.forPeriod(seeds, seeds.spec().seed(), events, period, UsageWorkload.SEOUL);
        WorkloadPoster.Result posted = new WorkloadPoster(endpoints.ingest(), loaded.platformKeys(), 4, 1000, out).post(workload);
        out.printf("  ingest: %,d accepted, %,d duplicate, %,d rejected in %d s (%,.0f events/s)%n", posted.accepted(),
                posted.duplicate(), posted.rejected(), posted.elapsed().toSeconds(), posted.eventsPerSecond());
        try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap())) {
            out.println("  waiting for rights-registry and settlement to consume everything ...");
            lag.awaitCaughtUp(Set.of(), CATCH_UP, Duration.ofSeconds(10), out::println);

            out.printf("%nDemo 3/6: closing period %s ...%n", period);
            ServiceClient settlement = new ServiceClient(stack.baseUrl("settlement"), stack.operatorToken());
            JsonNode closed = settlement.post("/v1/periods/" + period + "/close", null);
            int statements = closed.path("statements").size();
            out.printf("  %s: %d statements issued%n", closed.path("state").asText(), statements);
            lag.awaitRecords(Topics.STATEMENTS_ISSUED, statements, Duration.ofMinutes(2));
            lag.awaitCaughtUp(Set.of(), Duration.ofMinutes(5), Duration.ofSeconds(10), out::println);

            out.println("\nDemo 4/6: the platforms pay their statements; running a payout ...");
            ServiceClient payout = new ServiceClient(stack.baseUrl("payout"), stack.operatorToken());
            LocalDate today = LocalDate.now(UsageWorkload.SEOUL);
            for (JsonNode s : closed.path("statements")) {
                if (s.path("kind").asText().equals("PLATFORM")) {
                    String platform = s.path("addresseeId").asText();
                    payout.post("/v1/platforms/" + platform + "/payments", Map.of("currency", s.path("currency").asText(),
                                    "amountMinor", s.path("totalMinor").asLong(), "receivedOn", today.toString(),
                                    "bankReference", "DEMO " + period + " " + platform),
                            Map.of("Idempotency-Key", "demo-" + period + "-" + platform));
                    out.printf("  received from %-14s %,16d %s%n", platform, s.path("totalMinor").asLong(), s.path("currency").asText());
                }
            }
            String runId = "DEMO-" + period;
            JsonNode run = payout.put("/v1/payout-runs/" + runId, Map.of("valueDate", today.plusDays(1).toString()));

            Path exports = Files.createDirectories(stack.home().resolve("demo/exports"));
            for (JsonNode s : closed.path("statements")) {
                String id = s.path("statementId").asText();
                String file = id.replace('/', '-');
                Files.writeString(exports.resolve(file + ".json"), settlement.getText("/v1/statements/" + id, "application/json"),
                        StandardCharsets.UTF_8);
                Files.writeString(exports.resolve(file + ".csv"), settlement.getText("/v1/statements/" + id, "text/csv"),
                        StandardCharsets.UTF_8);
                if (!s.path("kind").asText().equals("PLATFORM")) {
                    Files.writeString(exports.resolve(file + ".dsr.tsv"), settlement.getText("/v1/statements/" + id + "?format=dsr",
                            "text/tab-separated-values"), StandardCharsets.UTF_8);
                }
            }
            JsonNode trial = payout.get("/v1/ledger/trial-balance");
            JsonNode reconciliation = payout.get("/v1/reconciliation?periodId=" + period);

            out.println("\nDemo 5/6: summary");
            printSummary(closed, run, trial, reconciliation, exports);
            out.println("\nDemo 6/6: transparency (" + stack.home().resolve("demo/transparency") + "/)");
            new DemoTransparency(stack, projectRoot, out).run(closed, stack.home().resolve("demo/transparency"));
            out.printf("%nDemo done in %d s.%n", Duration.ofNanos(System.nanoTime() - t0).toSeconds());
        }
    }

    private void printSummary(JsonNode closed, JsonNode run, JsonNode trial, JsonNode reconciliation, Path exports) {
        out.println("  Societies, period " + closed.path("periodId").asText() + " (KRW; payout's reconciliation, tied to the ledger):");
        out.printf("    %-12s %16s %16s %16s %16s%n", "society", "owed (issued)", "held back", "paid", "carried forward");
        for (JsonNode f : reconciliation.path("societies")) {
            out.printf("    %-12s %,16d %,16d %,16d %,16d%n", f.path("societyId").asText(), f.path("issued").asLong(),
                    f.path("postedHeld").asLong(), f.path("paid").asLong(), f.path("carriedForward").asLong());
        }
        out.println("  Platforms:");
        out.printf("    %-12s %16s %16s %16s %16s%n", "platform", "owes (issued)", "received", "outstanding", "unclaimed held");
        for (JsonNode f : reconciliation.path("platforms")) {
            out.printf("    %-12s %,16d %,16d %,16d %,16d%n", f.path("platformId").asText(), f.path("issued").asLong(),
                    f.path("collected").asLong(), f.path("outstanding").asLong(), f.path("unclaimedHeld").asLong());
        }
        out.printf("  Payout run %s, value date %s: %d payments, control sum %s%n", run.path("runId").asText(),
                run.path("valueDate").asText(), run.path("numberOfTransactions").asInt(), run.path("controlSum"));
        for (JsonNode c : run.path("carriedForward")) {
            out.printf("    carried forward %-20s %,16d %s (%s)%n", c.path("payeeId").asText(), c.path("amountMinor").asLong(),
                    c.path("currency").asText(), c.path("reason").asText());
        }
        out.println("  Ledger balanced: " + trial.path("balanced").asBoolean() + "; reconciliation ties out: "
                + reconciliation.path("tiesOut").asBoolean() + ", alarms: " + reconciliation.path("alarms").size());
        out.println("  Statements:     " + closed.path("statements").size() + " issued (" + exports + "/: JSON, CSV and DSR-style files)");
        out.println("  pain.001 file:  " + run.path("file").asText());
    }
}
