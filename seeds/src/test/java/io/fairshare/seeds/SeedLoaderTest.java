package io.fairshare.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader against an in-process HTTP server that records every request and answers like the services do for
 * creates and repeats (201 then 409 for societies and platforms, 201 then 200 for tariffs). It checks the requests
 * the loader builds, its idempotence and its error message; the real services are checked by hand (README).
 */
class SeedLoaderTest {
    record Seen(String method, String path, String query, String auth, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    HttpServer server;
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    final Set<String> created = Collections.synchronizedSet(new HashSet<>());
    Function<Seen, int[]> override = s -> null;
    URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        Seen s = new Seen(x.getRequestMethod(), x.getRequestURI().getRawPath(), x.getRequestURI().getRawQuery(),
                x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("Content-Type"),
                x.getRequestBody().readAllBytes());
        seen.add(s);
        int status;
        String body = "{}";
        int[] forced = override.apply(s);
        String key = s.method() + " " + s.path() + " " + s.text();
        if (forced != null) {
            status = forced[0];
            body = "{\"title\":\"forced\",\"status\":" + status + "}";
        } else if (s.path().startsWith("/v1/imports/")) {
            status = 200;
            body = "{\"fileValid\":true,\"committed\":true,\"lines\":10,\"accepted\":10,\"warnings\":0,\"refused\":0,"
                    + "\"changes\":30,\"written\":30,\"unchanged\":0,\"reports\":[],\"registryRefusals\":[]}";
        } else if (s.path().equals("/v1/societies") || s.path().equals("/v1/admin/platforms")) {
            status = created.add(key) ? 201 : 409;
            body = status == 201 ? "{\"apiKey\":\"fsr_0000000000000000_secret\"}" : "{\"status\":409}";
        } else if (s.path().endsWith("/keys")) {
            status = 201;
            body = "{\"key\":{\"keyId\":\"k1\"},\"token\":\"fsk_" + s.path().split("/")[4] + "_secret\"}";
        } else if (s.path().startsWith("/v1/tariffs/")) {
            status = created.add(key) ? 201 : 200;
        } else if (s.method().equals("GET") && s.path().equals("/v1/statutory-scheme")) {
            String last = null;
            synchronized (seen) {
                for (Seen p : seen) {
                    if (p.method().equals("PUT") && p.path().equals("/v1/statutory-scheme")) {
                        last = p.text();
                    }
                }
            }
            status = last == null ? 404 : 200;
            body = last == null ? "{\"status\":404}" : last;
        } else {
            status = 200;
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    SeedLoader loader(boolean payout) {
        SeedLoader.Endpoints e = new SeedLoader.Endpoints(base, base, base, payout ? base : null);
        return new SeedLoader(e, "op-secret", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theLoaderSendsEveryEntityToItsEndpointWithTheOperatorToken() throws Exception {
        SeedSet set = SeedGenerator.generate(SeedSpec.small(300));
        SeedLoader.Result r = loader(true).load(set);

        assertTrue(seen.stream().allMatch(s -> "Bearer op-secret".equals(s.auth())), "every request carries the operator token");
        List<String> order = seen.stream().map(s -> s.method() + " " + s.path()).distinct().toList();
        assertEquals("POST /v1/societies", order.get(0));
        assertEquals(5, count("POST", "/v1/societies"));
        JsonNode society = SeedFiles.JSON.readTree(first("POST", "/v1/societies").text());
        assertEquals("cisac:118", society.get("id").asText());

        Seen cwr = first("POST", "/v1/imports/cwr");
        assertTrue(java.util.Arrays.equals(SeedFiles.catalogueCwr(set), cwr.body()));
        Seen csv = first("POST", "/v1/imports/csv");
        assertEquals("source=fairshare-seeds", csv.query());
        assertTrue(java.util.Arrays.equals(SeedFiles.catalogueCsv(set), csv.body()));

        assertEquals(9, count("POST", "/v1/licences"));
        JsonNode licence = SeedFiles.JSON.readTree(first("POST", "/v1/licences").text());
        assertEquals("hanbit-ai", licence.get("platform").asText());
        assertEquals("cisac:118", licence.get("licensor").asText());
        assertEquals("2026-01-01", licence.get("validFrom").asText());
        assertEquals("t-komca-2026", licence.get("tariff").asText());
        assertEquals(2, count("POST", "/v1/reservations"));
        assertEquals(set.reservations().get(0).workId(),
                SeedFiles.JSON.readTree(first("POST", "/v1/reservations").text()).get("work").asText());

        assertEquals(5, seen.stream().filter(s -> s.method().equals("PUT") && s.path().startsWith("/v1/tariffs/")).count());
        JsonNode tariff = SeedFiles.JSON.readTree(first("PUT", "/v1/tariffs/t-komca-2026").text());
        assertEquals("KRW", tariff.get("currency").asText());
        assertEquals("pre-training", tariff.at("/unitRates/0/usageType").asText());
        assertEquals("tokens", tariff.at("/unitRates/0/unitKind").asText());
        assertEquals("2", tariff.at("/unitRates/0/amount").asText());
        assertEquals(1000, tariff.at("/unitRates/0/per").asLong());
        JsonNode scheme = SeedFiles.JSON.readTree(first("PUT", "/v1/statutory-scheme").text());
        assertEquals("3", scheme.get("reservedPenaltyMultiplier").asText());
        assertEquals(16, scheme.at("/tariff/unitRates").size());

        assertEquals(3, count("POST", "/v1/admin/platforms"));
        assertEquals(Map.of("hanbit-ai", "fsk_hanbit-ai_secret", "nuri-labs", "fsk_nuri-labs_secret",
                "orbit-models", "fsk_orbit-models_secret"), r.platformKeys());
        assertEquals(5, r.societyKeys().size());

        Seen bank = first("PUT", "/v1/societies/cisac:118/bank-details");
        JsonNode b = SeedFiles.JSON.readTree(bank.text());
        assertEquals("KR", b.get("country").asText());
        assertEquals("004", b.get("bankCode").asText());
        assertTrue(b.has("accountNumber") && !b.has("iban") && !b.has("bic"));
        JsonNode evac = SeedFiles.JSON.readTree(first("PUT", "/v1/societies/EVAC/bank-details").text());
        assertTrue(Ids.ibanValid(evac.get("iban").asText()));
        assertEquals("application/json", bank.contentType());
    }

    @Test
    void loadingTwiceSucceedsAndDoesNotSetTheStatutorySchemeAgain() {
        SeedSet set = SeedGenerator.generate(SeedSpec.small(300));
        loader(false).load(set);
        SeedLoader.Result second = loader(false).load(set);
        assertEquals(1, count("PUT", "/v1/statutory-scheme"), "the second load finds the same scheme in force");
        assertEquals(0, second.societyKeys().size(), "societies existed (409)");
        assertEquals(3, second.platformKeys().size(), "a new key per platform");
        assertEquals(0, seen.stream().filter(s -> s.path().contains("bank-details")).count(), "no payout URL: skipped");
    }

    @Test
    void aRefusedStepFailsNamingTheStepTheStatusAndTheBody() {
        override = s -> s.path().startsWith("/v1/tariffs/") ? new int[] {409} : null;
        SeedLoader.StepFailed e = assertThrows(SeedLoader.StepFailed.class,
                () -> loader(false).load(SeedGenerator.generate(SeedSpec.small(300))));
        assertEquals("settlement: tariffs", e.step());
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("seed loading failed at step 'settlement: tariffs'"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 409") && e.getMessage().contains("forced"), e.getMessage());
    }

    private long count(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).count();
    }

    private Seen first(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no " + method + " " + path + " in " + seen.stream().map(s -> s.method() + " " + s.path()).toList()));
    }
}
