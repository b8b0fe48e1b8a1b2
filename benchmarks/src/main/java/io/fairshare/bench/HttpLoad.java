package io.fairshare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;

/**
 * Posts pre-built request bodies from {@code connections} threads, each with its own HTTP/1.1
 * connection, one request in flight per connection (what a platform's uploader does), and measures
 * the accepted events per second and the request latency distribution.
 */
final class HttpLoad {
    record Result(long requests, long acceptedEvents, long failedRequests, double seconds, long p50Micros, long p99Micros,
                  long maxMicros) {
        double eventsPerSecond() {
            return acceptedEvents / seconds;
        }
    }

    private HttpLoad() {
    }

    /**
     * @param bodies      body i for request i (built lazily so that a million events need not sit in memory)
     * @param eventsPerBody events in each body, counted as accepted when the answer is 200 with them all accepted
     */
    static Result run(URI endpoint, String authorization, int connections, int requests, int eventsPerBody,
                      IntFunction<byte[]> bodies, boolean progress) throws Exception {
        Recorder latencies = new Recorder(3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    byte[] body = bodies.apply(i);
                    HttpRequest req = HttpRequest.newBuilder(endpoint)
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        latencies.recordValue((System.nanoTime() - t0) / 1000);
                        if (r.statusCode() == 200 && r.body().contains("\"accepted\":" + eventsPerBody + ",")) {
                            accepted.addAndGet(eventsPerBody);
                        } else {
                            failed.incrementAndGet();
                            if (failed.get() <= 3) {
                                System.err.println("request " + i + ": HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                            }
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                    if (progress && i > 0 && i % 200 == 0) {
                        double s = (System.nanoTime() - start) / 1e9;
                        System.out.printf("  %,d / %,d requests, %,.0f events/s%n", i, requests, accepted.get() / s);
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        var h = latencies.getIntervalHistogram();
        return new Result(h.getTotalCount(), accepted.get(), failed.get(), seconds,
                h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
    }
}
