package io.fairshare.seeds;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads seeds into running services and optionally posts a workload:
 * <pre>
 * java -cp "seeds/target/classes:seeds/target/lib/*" io.fairshare.seeds.SeedsCli \
 *   [--token T (default: env FAIRSHARE_OPERATOR_TOKEN)] [--ingest URL] [--registry URL] [--settlement URL] [--payout URL]
 *   [--works N (SeedSpec.small(N); default: the demo) | --data DIR (read files written by GenerateSeeds)]
 *   [--events N] [--workload-seed S] [--period 2026-11] [--connections 4] [--batch 1000]
 * </pre>
 * URLs default to the local stack (8081 ingest, 8082 registry, 8083 settlement; payout only when given). Events of a
 * period that has not ended are cut at the current time (ingest refuses future times).
 */
public final class SeedsCli {
    private SeedsCli() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        String token = o.getOrDefault("token", System.getenv("FAIRSHARE_OPERATOR_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("give --token or set FAIRSHARE_OPERATOR_TOKEN");
        }
        SeedLoader.Endpoints local = SeedLoader.Endpoints.local();
        SeedLoader.Endpoints ep = new SeedLoader.Endpoints(
                URI.create(o.getOrDefault("ingest", local.ingest().toString())),
                URI.create(o.getOrDefault("registry", local.registry().toString())),
                URI.create(o.getOrDefault("settlement", local.settlement().toString())),
                o.containsKey("payout") ? URI.create(o.get("payout")) : null);
        SeedSet set = o.containsKey("data") ? SeedFiles.read(Path.of(o.get("data")))
                : SeedGenerator.generate(o.containsKey("works") ? SeedSpec.small(Integer.parseInt(o.get("works"))) : SeedSpec.demo());
        System.out.printf("seeds: %,d works, %,d parties, %d societies, %d platforms%n", set.works().size(), set.parties().size(),
                set.societies().size(), set.platforms().size());
        SeedLoader.Result loaded = new SeedLoader(ep, token, System.out).load(set);
        long events = Long.parseLong(o.getOrDefault("events", "0"));
        if (events > 0) {
            YearMonth period = YearMonth.parse(o.getOrDefault("period", YearMonth.now(UsageWorkload.SEOUL).toString()));
            long seed = Long.parseLong(o.getOrDefault("workload-seed", Long.toString(set.spec().seed())));
            UsageWorkload w = UsageWorkload.forPeriod(set, seed, events, period, UsageWorkload.SEOUL).until(Instant.now());
            new WorkloadPoster(ep.ingest(), loaded.platformKeys(), Integer.parseInt(o.getOrDefault("connections", "4")),
                    Integer.parseInt(o.getOrDefault("batch", "1000")), System.out).post(w);
        }
    }
}
