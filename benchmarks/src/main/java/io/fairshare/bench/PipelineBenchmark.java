package io.fairshare.bench;

import io.fairshare.contracts.Topics;
import io.fairshare.seeds.SeedFiles;
import io.fairshare.seeds.SeedLoader;
import io.fairshare.seeds.SeedSet;
import io.fairshare.seeds.UsageWorkload;
import io.fairshare.seeds.WorkloadPoster;
import io.fairshare.servers.Locations;
import io.fairshare.stack.LocalStack;
import io.fairshare.stack.RunningStack;
import io.fairshare.stack.StackOptions;
import io.fairshare.stack.pipeline.ConsumerLag;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * End to end: usage events in over HTTP to settled usage rows, with all four services, Kafka and PostgreSQL on
 * this machine. Starts the local stack on free ports, measures Kafka's own producer on the same broker first
 * (the base of the ratio), loads {@code seeds/data}, posts the seeded workload, and samples every second the
 * events ingest has accepted (records on the accepted topic), the events settlement has stored
 * ({@code usage_event} rows) and each consumer group's lag, until settlement holds every matched event. Writes
 * the figures and a PNG of throughput and lag over the run.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    record Sample(double seconds, long accepted, long settled, Map<String, Long> lag) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = IngestBenchmark.options(args);
        long events = Long.parseLong(o.getOrDefault("events", "300000"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "4"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "1000"));
        long baselineRecords = Long.parseLong(o.getOrDefault("baseline-records", "1000000"));
        Path root = Locations.projectRoot().orElse(Path.of("").toAbsolutePath());
        // quotas are for platforms, not for a benchmark; every fairshare.* property goes to every service
        System.setProperty("fairshare.ingest.rate-limit.enabled", "false");
        Path home = root.resolve(".fairshare/bench-pipeline");
        try (LocalStack stack = new LocalStack(StackOptions.parse("--port-base", "0", "--home", home.toString(), "--root",
                root.toString(), "--ready-timeout", "300"))) {
            RunningStack running = stack.start();
            running.servers().kafka().createTopic("bench.baseline", LocalStack.PARTITIONS);
            int recordSize = 600;
            System.out.printf("baseline: Kafka ProducerPerformance, %,d records of %d bytes, acks=all, idempotent...%n",
                    baselineRecords, recordSize);
            KafkaBaseline.Result base = KafkaBaseline.run(Locations.kafkaLibs(), running.kafkaBootstrap(), "bench.baseline",
                    baselineRecords, recordSize);
            System.out.println("  " + base.summary());

            SeedSet seeds = SeedFiles.read(root.resolve("seeds/data"));
            SeedLoader.Endpoints endpoints = running.seedEndpoints();
            SeedLoader.Result loaded = new SeedLoader(endpoints, running.operatorToken(), System.out).load(seeds);
            YearMonth period = YearMonth.now(UsageWorkload.SEOUL).minusMonths(1);
            UsageWorkload workload = UsageWorkload.forPeriod(seeds, seeds.spec().seed(), events, period, UsageWorkload.SEOUL);
            long matched = workload.stream().filter(UsageWorkload.Event::matched).count();
            System.out.printf("workload: %,d events of %s, %,d of them matched (settlement's share)%n", events, period, matched);

            List<Sample> samples = new ArrayList<>();
            AtomicBoolean posting = new AtomicBoolean(true);
            long t0 = System.nanoTime();
            Thread poster = new Thread(() -> {
                try {
                    WorkloadPoster.Result r = new WorkloadPoster(endpoints.ingest(), loaded.platformKeys(), connections, batch,
                            System.out).post(workload);
                    if (r.accepted() != events) {
                        System.err.println("ingest accepted " + r.accepted() + " of " + events + ": " + r.sampleRejections());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    posting.set(false);
                }
            }, "bench-poster");
            poster.start();
            try (ConsumerLag lag = new ConsumerLag(running.kafkaBootstrap());
                 Connection db = DriverManager.getConnection(running.jdbcUrls().get("settlement"), running.username(),
                         running.password());
                 Statement st = db.createStatement()) {
                long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
                long lastPrint = 0;
                while (true) {
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long settled;
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM usage_event")) {
                        rs.next();
                        settled = rs.getLong(1);
                    }
                    Sample s = new Sample(seconds, lag.endOffsets(Topics.USAGE_ACCEPTED), settled, lag.byGroup());
                    samples.add(s);
                    if (seconds - lastPrint >= 10) {
                        lastPrint = (long) seconds;
                        System.out.printf("  %4.0f s: accepted %,d, settled %,d, lag %s%n", seconds, s.accepted(), settled, s.lag());
                    }
                    if (settled >= matched && !posting.get()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("settlement holds " + settled + " of " + matched + " events after 60 minutes");
                    }
                    Thread.sleep(1000);
                }
            }
            poster.join();
            report(root, base, samples, events, matched, connections, batch, baselineRecords, recordSize);
        }
    }

    private static void report(Path root, KafkaBaseline.Result base, List<Sample> samples, long events, long matched,
                               int connections, int batch, long baselineRecords, int recordSize) throws Exception {
        Sample last = samples.get(samples.size() - 1);
        double firstSettled = samples.stream().filter(s -> s.settled() > 0).findFirst().map(Sample::seconds).orElse(0.0);
        double allAccepted = samples.stream().filter(s -> s.accepted() >= events).findFirst().map(Sample::seconds).orElse(last.seconds());
        double sustained = matched / last.seconds();
        double ingestRate = events / allAccepted;
        double ratio = sustained / base.recordsPerSecond();
        long maxLag = samples.stream().flatMap(s -> s.lag().values().stream()).mapToLong(Long::longValue).max().orElse(0);

        Path png = root.resolve("benchmarks/results/pipeline-" + LocalDate.now() + ".png");
        TimeSeriesPlot.write(png, String.format("Fairshare end to end: %,d events, %s", events, LocalDate.now()), List.of(
                new TimeSeriesPlot.Panel("Throughput (5 s moving window)", "events/s", List.of(
                        rate("accepted by usage-ingest", samples, Sample::accepted),
                        rate("settled (usage_event rows)", samples, Sample::settled))),
                new TimeSeriesPlot.Panel("Consumer lag per group", "records", lagSeries(samples))));
        String md = String.format("""
                | date | machine | events | settled events/s (HTTP in to settled rows) | Kafka producer records/s (same broker, same run) | ratio | ingest accepted events/s | max lag |
                |---|---|---|---|---|---|---|---|
                | %s | %s | %,d (%,d matched) | %,.0f | %,.0f | %.3f | %,.0f | %,d |

                Run: %d connections, batches of %,d; first settled row after %.1f s, all %,d matched events settled after %.1f s;
                baseline %,d records of %d bytes. Plot: %s
                """, LocalDate.now(), Bench.machine(), events, matched, sustained, base.recordsPerSecond(), ratio, ingestRate, maxLag,
                connections, batch, firstSettled, matched, last.seconds(), baselineRecords, recordSize, root.relativize(png));
        System.out.println();
        System.out.println(md);
        Bench.write(root, "pipeline", md);
    }

    private static TimeSeriesPlot.Series rate(String label, List<Sample> samples, java.util.function.ToLongFunction<Sample> count) {
        double window = 5;
        double[] t = new double[samples.size()];
        double[] v = new double[samples.size()];
        int j = 0;
        for (int i = 0; i < samples.size(); i++) {
            while (j < i - 1 && samples.get(i).seconds() - samples.get(j + 1).seconds() >= window) {
                j++;
            }
            t[i] = samples.get(i).seconds();
            double dt = samples.get(i).seconds() - samples.get(j).seconds();
            v[i] = dt <= 0 ? 0 : (count.applyAsLong(samples.get(i)) - count.applyAsLong(samples.get(j))) / dt;
        }
        return new TimeSeriesPlot.Series(label, t, v);
    }

    private static List<TimeSeriesPlot.Series> lagSeries(List<Sample> samples) {
        TreeSet<String> groups = new TreeSet<>();
        samples.forEach(s -> groups.addAll(s.lag().keySet()));
        groups.removeIf(g -> samples.stream().allMatch(s -> s.lag().getOrDefault(g, 0L) == 0));
        List<TimeSeriesPlot.Series> out = new ArrayList<>();
        for (String g : groups) {
            double[] t = new double[samples.size()];
            double[] v = new double[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                t[i] = samples.get(i).seconds();
                v[i] = samples.get(i).lag().getOrDefault(g, 0L);
            }
            out.add(new TimeSeriesPlot.Series(g, t, v));
        }
        return out;
    }
}
