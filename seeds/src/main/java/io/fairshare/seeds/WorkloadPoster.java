package io.fairshare.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts a {@link UsageWorkload} to ingest's {@code POST /v1/usage-events} over {@code connections} concurrent
 * connections in batches of {@code batchSize} (one platform per batch, with that platform's API key). The calling
 * thread draws the batches and queues them (at most two per connection); each connection's thread writes the JSON
 * body and posts it. 429 and 503 are
 * retried after their {@code Retry-After}, connection failures up to 10 times with a growing pause; since event ids
 * are fixed, a retried batch answers {@code duplicate} for what was already stored. Any other status stops the run
 * with an exception naming it. Progress (events/s) is printed every {@code progressEvery}.
 */
public final class WorkloadPoster {
    /** Connection failures one batch may meet before the poster gives up (about a minute of back-off). */
    private static final int MAX_CONNECTION_FAILURES = 40;
    /** What ingest answered, summed over all batches. */
    public record Result(long sent, long accepted, long duplicate, long rejected, long requests, long retries,
                         Duration elapsed, List<String> sampleRejections) {
        public double eventsPerSecond() {
            return elapsed.isZero() ? 0 : sent / (elapsed.toNanos() / 1e9);
        }
    }

    private static final Object END = new Object();

    private final URI ingest;
    private final Map<String, String> platformKeys;
    private final int connections;
    private final int batchSize;
    private final PrintStream out;
    private final Duration progressEvery;
    private final HttpClient http;

    public WorkloadPoster(URI ingest, Map<String, String> platformKeys, int connections, int batchSize, PrintStream progress) {
        this(ingest, platformKeys, connections, batchSize, progress, Duration.ofSeconds(5));
    }

    public WorkloadPoster(URI ingest, Map<String, String> platformKeys, int connections, int batchSize, PrintStream progress,
                          Duration progressEvery) {
        if (connections < 1 || batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("connections >= 1 and batch size 1..10000 (ingest's limit)");
        }
        this.ingest = ingest;
        this.platformKeys = Map.copyOf(platformKeys);
        this.connections = connections;
        this.batchSize = batchSize;
        this.out = progress;
        this.progressEvery = progressEvery;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Result post(UsageWorkload workload) throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(connections * 2);
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicate = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Object item = queue.take();
                        if (item == END) {
                            return;
                        }
                        if (failure.get() != null) {
                            continue;
                        }
                        UsageWorkload.Batch b = (UsageWorkload.Batch) item;
                        JsonNode answer = postBatch(b, retries);
                        requests.incrementAndGet();
                        sent.addAndGet(b.events().size());
                        accepted.addAndGet(answer.path("accepted").asLong());
                        duplicate.addAndGet(answer.path("duplicate").asLong());
                        long rej = answer.path("rejected").asLong();
                        rejected.addAndGet(rej);
                        if (rej > 0 && samples.size() < 5) {
                            for (JsonNode r : answer.path("results")) {
                                if ("rejected".equals(r.path("status").asText()) && samples.size() < 5) {
                                    samples.add(b.platformId() + " " + r.path("eventId").asText() + ": " + r.path("errors"));
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "workload-poster-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        long lastPrint = System.nanoTime();
        long lastSent = 0;
        Iterator<UsageWorkload.Batch> batches = workload.batches(batchSize);
        while (batches.hasNext() && failure.get() == null) {
            UsageWorkload.Batch b = batches.next();
            if (!platformKeys.containsKey(b.platformId())) {
                failure.compareAndSet(null, new IllegalStateException("no API key for platform " + b.platformId()));
                break;
            }
            while (!queue.offer(b, 200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    break;
                }
            }
            long now = System.nanoTime();
            if (now - lastPrint >= progressEvery.toNanos()) {
                long s = sent.get();
                out.printf("seeds: posted %,d of %,d events, %,.0f events/s (last %.0f s), %,d rejected%n", s, workload.count(),
                        (s - lastSent) / ((now - lastPrint) / 1e9), (now - lastPrint) / 1e9, rejected.get());
                lastPrint = now;
                lastSent = s;
            }
        }
        for (int i = 0; i < connections; i++) {
            queue.put(END);
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Result r = new Result(sent.get(), accepted.get(), duplicate.get(), rejected.get(), requests.get(), retries.get(), elapsed,
                List.copyOf(samples));
        out.printf("seeds: posted %,d events in %.1f s (%,.0f events/s): %,d accepted, %,d duplicate, %,d rejected, %,d requests, %,d retries%n",
                r.sent(), elapsed.toNanos() / 1e9, r.eventsPerSecond(), r.accepted(), r.duplicate(), r.rejected(), r.requests(), r.retries());
        return r;
    }

    private JsonNode postBatch(UsageWorkload.Batch b, AtomicLong retries) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(ingest.resolve("/v1/usage-events")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + platformKeys.get(b.platformId()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.jsonBody())).build();
        int failures = 0;
        while (true) {
            HttpResponse<String> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // ingest is unreachable or died mid-request (a restart takes a few seconds): send the same batch again
                if (++failures > MAX_CONNECTION_FAILURES) {
                    throw new IllegalStateException("ingest: POST /v1/usage-events failed " + MAX_CONNECTION_FAILURES + " times: " + e, e);
                }
                retries.incrementAndGet();
                Thread.sleep(Math.min(200L * failures, 2_000L));
                continue;
            }
            if (r.statusCode() == 200) {
                try {
                    return SeedFiles.JSON.readTree(r.body());
                } catch (IOException e) {
                    throw new IllegalStateException("ingest answered 200 with a body that is not JSON: " + SeedLoader.abbreviate(r.body()));
                }
            }
            if (r.statusCode() == 429 || r.statusCode() == 503) {
                retries.incrementAndGet();
                long wait = retryAfter(r).orElse(1L);
                Thread.sleep(Math.max(100, Math.min(wait, 30) * 1000));
                continue;
            }
            throw new IllegalStateException("ingest: POST /v1/usage-events (platform " + b.platformId() + ", "
                    + b.events().size() + " events) answered HTTP " + r.statusCode() + ": " + SeedLoader.abbreviate(r.body()));
        }
    }

    private static Optional<Long> retryAfter(HttpResponse<?> r) {
        try {
            return r.headers().firstValue("Retry-After").map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
