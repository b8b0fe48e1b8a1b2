package io.fairshare.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.contracts.Topics;
import io.fairshare.testsupport.TestServers;
import io.fairshare.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The packaged ingest process killed with SIGKILL while requests are in flight, then started again and
 * sent the same batches, as a platform retries. "Duplicate" must mean "stored on the accepted topic":
 * no retry may be told so for an event that is not there, and every event ends up on the topic.
 * That the extra copies a retry may publish are counted once downstream is shown by the registry's and
 * settlement's deduplication tests and by e2e's IngestCrashIT.
 */
class IngestCrashIT {
    private static final Duration HOLD = Duration.ofSeconds(120);

    @Test
    void aRetryAfterACrashBetweenClaimAndPublishPublishesEveryEventAndIsToldNoDuplicate() throws Exception {
        String db = TestServers.createDatabase("ingest_crash_claim_it");
        String platform = platform("claim");
        List<Map<String, Object>> batch = IngestApi.events("c", 500);
        String token;
        try (PackagedIngest held = PackagedIngest.start(db, 0, "crash-after-claim", holdAt("AFTER_CLAIM"))) {
            token = held.newPlatform(platform);
            CompletableFuture<HttpResponse<String>> inFlight = postAsync(held, token, batch);
            awaitClaims(db, platform, "P", 500);
            held.kill();
            assertTrue(inFlight.isCompletedExceptionally() || failedSoon(inFlight), "the request died with the process");
        }
        assertEquals(0, keysOnTopic(platform).size(), "killed after claiming, before publishing: nothing on the topic yet");

        try (PackagedIngest again = PackagedIngest.start(db, 0, "crash-after-claim-restarted", Map.of())) {
            JsonNode retry = again.call("POST", "/v1/usage-events", token, batch, 200);
            assertEquals(List.of(500, 0, 0), counts(retry), "the retry publishes every event itself; none is a duplicate");
            Map<String, Long> copies = copiesOnTopic(platform);
            assertEquals(500, copies.size());
            assertEquals(Set.of(1L), Set.copyOf(copies.values()), "each event once");
            assertEquals(500, claims(db, platform, "A"));
            assertEquals(List.of(0, 500, 0), counts(again.call("POST", "/v1/usage-events", token, batch, 200)),
                    "now that they are on the topic, they are duplicates");
        }
    }

    @Test
    void anIdempotencyKeyHeldByAKilledProcessIsTakenOverByTheRetryAndItsAnswerIsReplayed() throws Exception {
        String db = TestServers.createDatabase("ingest_crash_idem_it");
        String platform = platform("idem");
        List<Map<String, Object>> batch = IngestApi.events("k", 200);
        Map<String, String> key = Map.of("Idempotency-Key", "batch-" + platform);
        String token;
        try (PackagedIngest held = PackagedIngest.start(db, 0, "crash-idem", holdAt("AFTER_CLAIM"))) {
            token = held.newPlatform(platform);
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return held.send("POST", "/v1/usage-events", token, batch, HOLD.plusSeconds(30), key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitClaims(db, platform, "P", 200);
            held.kill();
            assertTrue(inFlight.isCompletedExceptionally() || failedSoon(inFlight), "the request died with the process");
        }
        try (PackagedIngest again = PackagedIngest.start(db, 0, "crash-idem-restarted", Map.of())) {
            HttpResponse<String> first = again.send("POST", "/v1/usage-events", token, batch, Duration.ofSeconds(30), key);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(List.of(200, 0, 0), counts(PackagedIngest.JSON.readTree(first.body())), "the key's holder is gone: the retry runs");
            HttpResponse<String> replay = again.send("POST", "/v1/usage-events", token, batch, Duration.ofSeconds(30), key);
            assertEquals(200, replay.statusCode());
            assertEquals(first.body(), replay.body(), "the same answer, byte for byte");
            assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
            HttpResponse<String> other = again.send("POST", "/v1/usage-events", token, batch.subList(0, 10), Duration.ofSeconds(30), key);
            assertEquals(409, other.statusCode(), other.body());
            assertTrue(other.body().contains("idempotency-key-reused"), other.body());
            Map<String, Long> copies = copiesOnTopic(platform);
            assertEquals(200, copies.size());
            assertEquals(Set.of(1L), Set.copyOf(copies.values()), "each event once");
        }
    }

    @Test
    void aRetryAfterACrashBetweenPublishAndConfirmIsAcceptedAndItsCopiesCarryTheSameIdentity() throws Exception {
        String db = TestServers.createDatabase("ingest_crash_publish_it");
        String platform = platform("publish");
        List<Map<String, Object>> batch = IngestApi.events("p", 500);
        String token;
        try (PackagedIngest held = PackagedIngest.start(db, 0, "crash-after-publish", holdAt("AFTER_PUBLISH"))) {
            token = held.newPlatform(platform);
            CompletableFuture<HttpResponse<String>> inFlight = postAsync(held, token, batch);
            awaitClaims(db, platform, "P", 500);
            awaitOnTopic(platform, 500);
            assertEquals(0, claims(db, platform, "A"), "acknowledged by Kafka, not confirmed");
            held.kill();
            assertTrue(inFlight.isCompletedExceptionally() || failedSoon(inFlight), "the request died with the process");
        }

        try (PackagedIngest again = PackagedIngest.start(db, 0, "crash-after-publish-restarted", Map.of())) {
            JsonNode retry = again.call("POST", "/v1/usage-events", token, batch, 200);
            assertEquals(List.of(500, 0, 0), counts(retry), "an unconfirmed claim is taken over and published again");
            assertEquals(500, claims(db, platform, "A"));
            assertEquals(List.of(0, 500, 0), counts(again.call("POST", "/v1/usage-events", token, batch, 200)));
        }
        List<ConsumerRecord<String, String>> records = recordsOf(platform);
        Map<String, List<ConsumerRecord<String, String>>> byKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key));
        assertEquals(500, byKey.size());
        for (Map.Entry<String, List<ConsumerRecord<String, String>>> e : byKey.entrySet()) {
            List<ConsumerRecord<String, String>> copies = e.getValue();
            assertEquals(2, copies.size(), e.getKey() + ": the lost answer's copy and the retry's");
            assertEquals(header(copies.get(0), "ce_id"), header(copies.get(1), "ce_id"), "same CloudEvent id");
            assertEquals(header(copies.get(0), "ce_source"), header(copies.get(1), "ce_source"), "same CloudEvent source");
            assertEquals(copies.get(0).partition(), copies.get(1).partition(), "same key, same partition");
        }
    }

    @Test
    void aClaimOfALiveRequestIsWaitedForAndTakenOverOnlyAfterClaimWait() throws Exception {
        String db = TestServers.createDatabase("ingest_crash_live_it");
        String platform = platform("live");
        List<Map<String, Object>> batch = IngestApi.events("l", 200);
        try (PackagedIngest held = PackagedIngest.start(db, 0, "live-holder", holdAt("AFTER_CLAIM"));
                PackagedIngest other = PackagedIngest.start(db, 0, "live-other", Map.of("fairshare.ingest.claim-wait", "PT3S"))) {
            String token = held.newPlatform(platform);
            CompletableFuture<HttpResponse<String>> stuck = postAsync(held, token, batch);
            awaitClaims(db, platform, "P", 200);
            long t0 = System.nanoTime();
            JsonNode retry = other.call("POST", "/v1/usage-events", token, batch, 200);
            long waited = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(List.of(200, 0, 0), counts(retry), "not on the topic while the holder is stuck: published here, never a duplicate");
            assertTrue(waited >= 3_000, "the live holder was given claim-wait first, waited " + waited + " ms");
            assertEquals(Set.of(1L), Set.copyOf(copiesOnTopic(platform).values()));
            held.kill();
            assertTrue(stuck.isCompletedExceptionally() || failedSoon(stuck));
        }
    }

    /**
     * The platform's own test: two connections stream batches of 500, the process is killed with both in
     * flight at a seeded random point, restarted, and every request that got no answer is sent again.
     */
    @Test
    void killedWhileTwoConnectionsStreamNothingIsLostAndEveryDuplicateAnswerIsOnTheTopic() throws Exception {
        long seed = Long.getLong("fairshare.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int killAfter = 4 + random.nextInt(12);
        System.out.printf("IngestCrashIT seed %d: kill after %d answered batches (re-run with -Dfairshare.crash.seed=%d)%n",
                seed, killAfter, seed);
        String db = TestServers.createDatabase("ingest_crash_stream_it");
        String platform = platform("stream");
        int perConnection = 20;
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int i = 0; i < 2 * perConnection; i++) {
            batches.add(IngestApi.events("s" + i, 500));
        }
        Set<Integer> answered = Collections.synchronizedSet(new HashSet<>());
        ConcurrentLinkedQueue<String> duplicatesBeforeCrash = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        String token;
        int port;
        try (PackagedIngest first = PackagedIngest.start(db, 0, "crash-stream", Map.of())) {
            token = first.newPlatform(platform);
            port = first.port;
            List<CompletableFuture<Void>> connections = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int connection = c;
                connections.add(CompletableFuture.runAsync(() -> {
                    for (int i = connection; i < batches.size(); i += 2) {
                        try {
                            HttpResponse<String> r = first.send("POST", "/v1/usage-events", token, batches.get(i), Duration.ofSeconds(30));
                            if (r.statusCode() != 200) {
                                return;
                            }
                            JsonNode body = PackagedIngest.JSON.readTree(r.body());
                            body.get("results").forEach(res -> {
                                if ("duplicate".equals(res.get("status").asText())) {
                                    duplicatesBeforeCrash.add(res.get("eventId").asText());
                                }
                            });
                            answered.add(i);
                            done.incrementAndGet();
                        } catch (Exception killed) {
                            return; // the connection died with the process: this batch and the rest are sent again
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (done.get() < killAfter && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            first.kill();
            CompletableFuture.allOf(connections.toArray(CompletableFuture[]::new)).get();
        }
        assertTrue(answered.size() < batches.size(), "the kill came while batches were still to be answered");
        assertEquals(List.of(), List.copyOf(duplicatesBeforeCrash), "fresh ids are never duplicates");

        List<String> wrongDuplicates = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        try (PackagedIngest restarted = PackagedIngest.start(db, port, "crash-stream-restarted", Map.of())) {
            for (int i = 0; i < batches.size(); i++) {
                if (answered.contains(i)) {
                    continue;
                }
                JsonNode retry = restarted.call("POST", "/v1/usage-events", token, batches.get(i), 200);
                // Requests go one by one now, so what is on the topic after this answer was there when it was given.
                Set<String> onTopic = keysOnTopic(platform);
                for (JsonNode res : retry.get("results")) {
                    String status = res.get("status").asText();
                    if ("duplicate".equals(status)) {
                        duplicates++;
                        if (!onTopic.contains(platform + "/" + res.get("eventId").asText())) {
                            wrongDuplicates.add(res.get("eventId").asText());
                        }
                    } else {
                        assertEquals("accepted", status, res.toString());
                        accepted++;
                    }
                }
            }
        }
        System.out.printf("IngestCrashIT seed %d: %d batches answered before the kill; retries: %d accepted, %d duplicate%n",
                seed, answered.size(), accepted, duplicates);
        assertEquals(List.of(), wrongDuplicates, "answered duplicate but not on the topic (seed " + seed + ")");
        Map<String, Long> copies = copiesOnTopic(platform);
        assertEquals(batches.size() * 500, copies.size(), "every event is on the topic (seed " + seed + ")");
        assertEquals(batches.size() * 500L, claims(db, platform, "A"), "every event is confirmed");
    }

    private static Map<String, String> holdAt(String step) {
        return Map.of("fairshare.ingest.crash-test.pause-at", step, "fairshare.ingest.crash-test.pause", HOLD.toString());
    }

    private static String platform(String what) {
        return "crash-" + what + "-" + Long.toHexString(System.nanoTime());
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(PackagedIngest instance, String token, Object batch) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return instance.send("POST", "/v1/usage-events", token, batch, HOLD.plusSeconds(30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean failedSoon(CompletableFuture<HttpResponse<String>> request) throws InterruptedException {
        for (int i = 0; i < 100 && !request.isDone(); i++) {
            Thread.sleep(100);
        }
        return request.isCompletedExceptionally();
    }

    private static List<Integer> counts(JsonNode report) {
        return List.of(report.get("accepted").asInt(), report.get("duplicate").asInt(), report.get("rejected").asInt());
    }

    private static long claims(String jdbcUrl, String platform, String state) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestServers.username(), TestServers.password());
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_claim WHERE platform_id = ? AND state = ?")) {
            ps.setString(1, platform);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitClaims(String jdbcUrl, String platform, String state, long n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (claims(jdbcUrl, platform, state) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(n + " claims in state " + state + " expected, found " + claims(jdbcUrl, platform, state));
            }
            Thread.sleep(100);
        }
    }

    private static void awaitOnTopic(String platform, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (keysOnTopic(platform).size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(n + " events of " + platform + " expected on the topic");
            }
            Thread.sleep(200);
        }
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String platform) {
        return TopicReader.readAll(Topics.USAGE_ACCEPTED).stream().filter(r -> r.key().startsWith(platform + "/")).toList();
    }

    private static Set<String> keysOnTopic(String platform) {
        return recordsOf(platform).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static Map<String, Long> copiesOnTopic(String platform) {
        Map<String, Long> copies = new HashMap<>();
        recordsOf(platform).forEach(r -> copies.merge(r.key(), 1L, Long::sum));
        return copies;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
