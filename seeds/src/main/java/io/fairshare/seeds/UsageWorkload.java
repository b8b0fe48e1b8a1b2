package io.fairshare.seeds;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.seeds.SeedSet.Category;
import io.fairshare.seeds.SeedSet.Platform;
import io.fairshare.seeds.SeedSet.Work;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic stream of usage events over a {@link SeedSet}: event {@code i} depends only on the seed set's
 * works, the workload's seed, {@code i} and the time window, so the stream can be produced again (for an expected
 * figure) or from any index, and never needs to be held in memory.
 *
 * <ul>
 *   <li><b>Works</b> are drawn from a Zipf distribution with exponent {@value #ZIPF_EXPONENT} over the seed set's
 *       works in popularity order: the work of rank {@code k} (index {@code k - 1} of {@link SeedSet#works()}) is
 *       drawn with probability {@code k^-1.1 / H}, {@code H = sum over all ranks}. Over 50,000 works the top work
 *       gets 13.9% of the matched events, the top 1% of works (500) 72.5%, the top 10% 87.8%.</li>
 *   <li><b>Unmatched</b>: {@value #UNMATCHED_PER_MILLE} in 1,000 events (1.5%) name one of 1,000 unknown works:
 *       identifiers valid in form (ISBN 979-11, ISWC T-9…, URLs on {@code unknown.example}) that the catalogue does
 *       not hold.</li>
 *   <li><b>Platforms</b> by their {@link Platform#workloadPercent()} (50 / 30 / 20).</li>
 *   <li><b>Usage</b> by category: text (books, news, scripts) in tokens (multiples of 100), 70% pre-training, 12%
 *       fine-tuning, 13% retrieval, 5% evaluation; music in seconds (120-359), 80% pre-training, 20% fine-tuning;
 *       images 75% pre-training of 1 item, 10% fine-tuning of 1-3 items, 15% pre-training in bytes (multiples of
 *       1024); video in seconds, 85% pre-training (60-7200), 15% evaluation (30-600).</li>
 *   <li><b>Times</b>: uniform, to the second, in [from, until); {@link #forPeriod} takes a calendar month in a zone
 *       (settlement's periods are Asia/Seoul months). Ingest refuses times more than 5 minutes ahead of its clock,
 *       so a period that has not ended must be cut at "now" ({@link #until}).</li>
 *   <li><b>Ids</b>: {@code wl<seed>-<first day of the window, yyyyMMdd>-<index, 9 digits>}, e.g.
 *       {@code wl20261121-20261101-000000042}: unique within the workload, and workloads of other periods or seeds
 *       do not collide (cutting the end with {@link #until} keeps the ids).</li>
 * </ul>
 * Every event reports territory KR and no attribution weight (1).
 */
public final class UsageWorkload implements Iterable<UsageWorkload.Event> {
    public static final double ZIPF_EXPONENT = 1.1;
    public static final int UNMATCHED_PER_MILLE = 15;
    public static final int UNKNOWN_WORKS = 1_000;
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final long SALT = 0x3C6EF372FE94F82BL;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final SeedSet seeds;
    private final long seed;
    private final long count;
    private final Instant from;
    private final Instant until;
    private final ZoneId zone;
    private final double[] cumulative;
    private final String idPrefix;

    /** What the event says about its work: the identifier it reports, and the title. */
    public record WorkRef(IdScheme scheme, String value, String title) {
    }

    /**
     * One usage event as ingest receives it ({@link #toJson()}), plus {@code catalogueWorkId}: the registry key of
     * the work the event was drawn for, or null for an unmatched event.
     */
    public record Event(long index, String platformId, String eventId, String modelId, String modelVersion, WorkRef work,
                        UsageType usageType, UnitKind unitKind, long units, Instant occurredAt, ZoneId zone,
                        String territory, String catalogueWorkId) {

        public boolean matched() {
            return catalogueWorkId != null;
        }

        /** The JSON object ingest's {@code POST /v1/usage-events} takes ({@code usedAt} with the zone's offset). */
        public String toJson() {
            StringBuilder b = new StringBuilder(320);
            appendJson(b);
            return b.toString();
        }

        void appendJson(StringBuilder b) {
            b.append("{\"eventId\":");
            str(b, eventId);
            b.append(",\"modelId\":");
            str(b, modelId);
            b.append(",\"modelVersion\":");
            str(b, modelVersion);
            b.append(",\"usageType\":\"").append(usageType.wireName()).append('"');
            b.append(",\"work\":{\"identifiers\":[{\"scheme\":\"").append(work.scheme().wireName()).append("\",\"value\":");
            str(b, work.value());
            b.append("}],\"title\":");
            str(b, work.title());
            b.append("},\"units\":").append(units);
            b.append(",\"unitKind\":\"").append(unitKind.wireName()).append('"');
            b.append(",\"usedAt\":\"").append(RFC3339.format(occurredAt.atZone(zone))).append('"');
            b.append(",\"territory\":\"").append(territory).append('"');
            b.append(",\"datasetId\":");
            str(b, platformId + "-corpus-" + occurredAt.atZone(zone).getYear());
            b.append('}');
        }
    }

    /** A batch for one platform (ingest takes the platform from the API key, so a batch never mixes platforms). */
    public record Batch(String platformId, List<Event> events) {
        public Batch {
            events = List.copyOf(events);
        }

        /** The request body: a JSON array of the events. */
        public byte[] jsonBody() {
            return jsonArray(events).getBytes(StandardCharsets.UTF_8);
        }
    }

    public UsageWorkload(SeedSet seeds, long seed, long count, Instant from, Instant until, ZoneId zone) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("from must be before until");
        }
        this.seeds = seeds;
        this.seed = seed;
        this.count = count;
        this.from = from;
        this.until = until;
        this.zone = zone;
        this.idPrefix = "wl" + seed + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(from.atZone(zone).toLocalDate()) + "-";
        int n = seeds.works().size();
        this.cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / StrictMath.pow(k + 1, ZIPF_EXPONENT);
            cumulative[k] = sum;
        }
    }

    /** Events spread over a calendar month in {@code zone} (e.g. settlement period 2026-11 in Asia/Seoul). */
    public static UsageWorkload forPeriod(SeedSet seeds, long seed, long count, YearMonth month, ZoneId zone) {
        return new UsageWorkload(seeds, seed, count, month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), zone);
    }

    /** The same workload with its window cut at {@code end} (when earlier): for a period that has not ended yet. */
    public UsageWorkload until(Instant end) {
        return end.isBefore(until) ? new UsageWorkload(seeds, seed, count, from, end, zone) : this;
    }

    public long count() {
        return count;
    }

    public long seed() {
        return seed;
    }

    public Instant from() {
        return from;
    }

    public Instant until() {
        return until;
    }

    /** Zipf probability of the work at {@code index} (rank index + 1) among matched events. */
    public double zipfProbability(int index) {
        return (index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1]) / cumulative[cumulative.length - 1];
    }

    /** Event {@code index} (0 ≤ index < count). */
    public Event event(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        Rng r = Rng.at(seed ^ SALT, index);
        Platform platform = platform(r);
        Instant at = from.plusSeconds(r.nextLong(until.getEpochSecond() - from.getEpochSecond()));
        String eventId = idPrefix + String.format("%09d", index);
        WorkRef ref;
        Category category;
        String workId = null;
        if (r.nextInt(1000) < UNMATCHED_PER_MILLE) {
            int k = r.nextInt(UNKNOWN_WORKS);
            switch (k % 3) {
                case 0 -> {
                    ref = new WorkRef(IdScheme.ISBN, Ids.isbn("97911", 9_000_000L + k).value(), "Unknown book " + k);
                    category = Category.BOOK;
                }
                case 1 -> {
                    ref = new WorkRef(IdScheme.URL, "https://unknown.example/a/" + k, "Unknown article " + k);
                    category = Category.NEWS_ARTICLE;
                }
                default -> {
                    ref = new WorkRef(IdScheme.ISWC, Ids.iswc(900_000_000L + k).value(), "UNKNOWN SONG " + k);
                    category = Category.MUSIC;
                }
            }
        } else {
            Work w = seeds.works().get(zipfIndex(r.nextDouble()));
            WorkId id = w.identifiers().get(r.nextInt(w.identifiers().size()));
            ref = new WorkRef(id.scheme(), id.value(), w.title());
            category = w.category();
            workId = w.workId();
        }
        UsageType type;
        UnitKind kind;
        long units;
        int u = r.nextInt(100);
        switch (category) {
            case MUSIC -> {
                type = u < 80 ? UsageType.PRE_TRAINING : UsageType.FINE_TUNING;
                kind = UnitKind.SECONDS;
                units = r.between(120, 359);
            }
            case IMAGE -> {
                if (u < 75) {
                    type = UsageType.PRE_TRAINING;
                    kind = UnitKind.ITEMS;
                    units = 1;
                } else if (u < 85) {
                    type = UsageType.FINE_TUNING;
                    kind = UnitKind.ITEMS;
                    units = r.between(1, 3);
                } else {
                    type = UsageType.PRE_TRAINING;
                    kind = UnitKind.BYTES;
                    units = 1024L * r.between(200, 4000);
                }
            }
            case VIDEO -> {
                kind = UnitKind.SECONDS;
                if (u < 85) {
                    type = UsageType.PRE_TRAINING;
                    units = r.between(60, 7200);
                } else {
                    type = UsageType.EVALUATION;
                    units = r.between(30, 600);
                }
            }
            default -> {
                type = u < 70 ? UsageType.PRE_TRAINING : u < 82 ? UsageType.FINE_TUNING
                        : u < 95 ? UsageType.RETRIEVAL : UsageType.EVALUATION;
                kind = UnitKind.TOKENS;
                int hundreds = switch (category) {
                    case BOOK -> r.between(100, 3000);
                    case SCRIPT -> r.between(50, 800);
                    default -> r.between(5, 60);
                };
                units = 100L * hundreds;
            }
        }
        return new Event(index, platform.id(), eventId, platform.modelId(), platform.modelVersion(), ref, type, kind, units,
                at, zone, SeedSet.USAGE_TERRITORY, workId);
    }

    private Platform platform(Rng r) {
        int x = r.nextInt(100);
        for (Platform p : seeds.platforms()) {
            x -= p.workloadPercent();
            if (x < 0) {
                return p;
            }
        }
        return seeds.platforms().get(seeds.platforms().size() - 1);
    }

    /** The index whose cumulative weight first reaches {@code u} times the total (binary search). */
    int zipfIndex(double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public Iterator<Event> iterator() {
        return new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Event next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return event(next++);
            }
        };
    }

    public Stream<Event> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    /**
     * The events in batches of at most {@code size}, each for one platform: events are taken in index order and
     * gathered per platform; a platform's batch is emitted when full, the remainders at the end. At most
     * {@code platforms x size} events are held at a time.
     */
    public Iterator<Batch> batches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        return new Iterator<>() {
            final Iterator<Event> events = iterator();
            final Map<String, List<Event>> pending = new LinkedHashMap<>();
            final ArrayDeque<Batch> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                fill();
                return !ready.isEmpty();
            }

            @Override
            public Batch next() {
                fill();
                if (ready.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void fill() {
                while (ready.isEmpty() && events.hasNext()) {
                    Event e = events.next();
                    List<Event> list = pending.computeIfAbsent(e.platformId(), k -> new ArrayList<>(size));
                    list.add(e);
                    if (list.size() == size) {
                        ready.add(new Batch(e.platformId(), list));
                        pending.remove(e.platformId());
                    }
                }
                if (ready.isEmpty() && !events.hasNext() && !pending.isEmpty()) {
                    pending.forEach((p, list) -> ready.add(new Batch(p, list)));
                    pending.clear();
                }
            }
        };
    }

    /** A JSON array of events, the body of ingest's {@code POST /v1/usage-events}. */
    public static String jsonArray(List<Event> events) {
        StringBuilder b = new StringBuilder(events.size() * 330 + 2);
        b.append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            events.get(i).appendJson(b);
        }
        return b.append(']').toString();
    }

    private static void str(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
