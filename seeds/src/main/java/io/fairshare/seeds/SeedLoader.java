package io.fairshare.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.seeds.SeedFiles.LicenceJson;
import io.fairshare.seeds.SeedFiles.ReservationJson;
import io.fairshare.seeds.SeedSet.Platform;
import io.fairshare.seeds.SeedSet.Society;
import io.fairshare.seeds.SeedSet.StatutoryScheme;
import io.fairshare.seeds.SeedSet.Tariff;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads a {@link SeedSet} into running services over HTTP, with the operator token (which the local stack gives every
 * service as its operator / authority token). Steps, in order:
 * <ol>
 *   <li>registry: societies ({@code POST /v1/societies}; 409 = already there);</li>
 *   <li>registry: the CWR file ({@code POST /v1/imports/cwr}) and the CSV file ({@code POST /v1/imports/csv?source=
 *       fairshare-seeds}): works, parties, shares and mandates; any refused row or record fails the step;</li>
 *   <li>registry: licences and reservations ({@code POST /v1/licences}, {@code POST /v1/reservations}; upserts);</li>
 *   <li>settlement: tariffs ({@code PUT /v1/tariffs/{id}}: 201 new, 200 the same again) and the statutory scheme
 *       ({@code PUT /v1/statutory-scheme}, skipped when {@code GET} already answers the same scheme, since every PUT
 *       makes a new version);</li>
 *   <li>ingest: platforms ({@code POST /v1/admin/platforms}; 409 = already there) and one new API key per platform
 *       ({@code POST /v1/admin/platforms/{id}/keys}), returned in {@link Result#platformKeys()};</li>
 *   <li>payout: bank details ({@code PUT /v1/societies/{id}/bank-details}), skipped with a message when no payout
 *       URL is given.</li>
 * </ol>
 * Loading twice is harmless: every step is an upsert or treats "exists" as done (a second load issues new platform
 * keys; earlier keys stay valid). A failed step throws {@link StepFailed} naming the step, the HTTP status and body.
 */
public final class SeedLoader {
    /** Where the services are; {@code payout} may be null. */
    public record Endpoints(URI ingest, URI registry, URI settlement, URI payout) {
        public static Endpoints local() {
            return new Endpoints(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
                    URI.create("http://127.0.0.1:8083"), null);
        }

        public Endpoints withPayout(URI payoutBase) {
            return new Endpoints(ingest, registry, settlement, payoutBase);
        }
    }

    /**
     * @param platformKeys  a new API key ({@code fsk_…}) per platform, for {@link WorkloadPoster}
     * @param societyKeys   registry API keys ({@code fsr_…}) of societies created by this load (none for existing ones)
     * @param csvImport     the registry's answer to the CSV import
     * @param cwrImport     the registry's answer to the CWR import
     */
    public record Result(Map<String, String> platformKeys, Map<String, String> societyKeys, ImportOutcome csvImport,
                         ImportOutcome cwrImport) {
    }

    /** The registry's import answer in short. */
    public record ImportOutcome(long lines, long accepted, long warnings, long refused, long changes, long written,
                                long unchanged) {
    }

    /** A step answered something other than success. */
    public static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String step;
        private final int status;

        StepFailed(String step, int status, String message) {
            super("seed loading failed at step '" + step + "': " + message);
            this.step = step;
            this.status = status;
        }

        public String step() {
            return step;
        }

        /** The HTTP status, or 0 when the request did not get an answer. */
        public int status() {
            return status;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);

    private final Endpoints endpoints;
    private final String token;
    private final PrintStream out;
    private final HttpClient http;

    public SeedLoader(Endpoints endpoints, String operatorToken, PrintStream progress) {
        this.endpoints = endpoints;
        this.token = operatorToken;
        this.out = progress;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Result load(SeedSet set) {
        long t0 = System.nanoTime();
        Map<String, String> societyKeys = new LinkedHashMap<>();
        String step = "registry: societies";
        int created = 0;
        for (Society s : set.societies()) {
            Answer a = send(step, post(endpoints.registry(), "/v1/societies", SeedFiles.compactJson(Map.of("id", s.id(), "name", s.name()))),
                    REQUEST_TIMEOUT, 201, 409);
            if (a.status() == 201) {
                created++;
                societyKeys.put(s.id(), a.json().path("apiKey").asText());
            }
        }
        out.printf("seeds: registry: %d societies (%d created, %d existed)%n", set.societies().size(), created,
                set.societies().size() - created);

        ImportOutcome cwr = importFile("registry: CWR import", "/v1/imports/cwr", SeedFiles.catalogueCwr(set), set.cwrWorks().size());
        ImportOutcome csv = importFile("registry: CSV import", "/v1/imports/csv?source=" + SeedSet.CSV_SOURCE,
                SeedFiles.catalogueCsv(set), set.csvWorks().size());

        step = "registry: licences";
        for (SeedSet.Licence l : set.licences()) {
            send(step, post(endpoints.registry(), "/v1/licences", SeedFiles.compactJson(LicenceJson.of(l))), REQUEST_TIMEOUT, 200, 201);
        }
        out.printf("seeds: registry: %d licences%n", set.licences().size());
        step = "registry: reservations";
        for (SeedSet.Reservation r : set.reservations()) {
            send(step, post(endpoints.registry(), "/v1/reservations", SeedFiles.compactJson(ReservationJson.of(r))), REQUEST_TIMEOUT, 200, 201);
        }
        out.printf("seeds: registry: %d reservations%n", set.reservations().size());

        step = "settlement: tariffs";
        int newTariffs = 0;
        for (Tariff t : set.tariffs()) {
            Answer a = send(step, put(endpoints.settlement(), "/v1/tariffs/" + t.id(), SeedFiles.compactJson(t)), REQUEST_TIMEOUT, 200, 201);
            newTariffs += a.status() == 201 ? 1 : 0;
        }
        out.printf("seeds: settlement: %d tariffs (%d new)%n", set.tariffs().size(), newTariffs);
        step = "settlement: statutory scheme";
        Answer current = send(step, get(endpoints.settlement(), "/v1/statutory-scheme"), REQUEST_TIMEOUT, 200, 404);
        if (current.status() == 200 && sameScheme(current.json(), set.statutoryScheme())) {
            out.println("seeds: settlement: statutory scheme already in force");
        } else {
            send(step, put(endpoints.settlement(), "/v1/statutory-scheme", SeedFiles.compactJson(set.statutoryScheme())),
                    REQUEST_TIMEOUT, 200, 201);
            out.println("seeds: settlement: statutory scheme set");
        }

        Map<String, String> platformKeys = new LinkedHashMap<>();
        step = "ingest: platforms";
        for (Platform p : set.platforms()) {
            send(step, post(endpoints.ingest(), "/v1/admin/platforms", SeedFiles.compactJson(Map.of("id", p.id(), "name", p.name()))),
                    REQUEST_TIMEOUT, 201, 409);
            Answer key = send("ingest: API key of " + p.id(), post(endpoints.ingest(), "/v1/admin/platforms/" + p.id() + "/keys", null),
                    REQUEST_TIMEOUT, 201);
            String tokenOf = key.json().path("token").asText("");
            if (tokenOf.isEmpty()) {
                throw new StepFailed("ingest: API key of " + p.id(), key.status(), "the answer holds no token: " + key.body());
            }
            platformKeys.put(p.id(), tokenOf);
        }
        out.printf("seeds: ingest: %d platforms, a new API key each%n", set.platforms().size());

        if (endpoints.payout() == null) {
            out.println("seeds: payout: skipped (no payout URL given): bank details not loaded");
        } else {
            step = "payout: bank details";
            for (Society s : set.societies()) {
                send(step + " of " + s.id(), put(endpoints.payout(), "/v1/societies/" + pathSegment(s.id()) + "/bank-details",
                        SeedFiles.compactJson(s.bankDetails())), REQUEST_TIMEOUT, 200, 201, 204);
            }
            out.printf("seeds: payout: bank details of %d societies%n", set.societies().size());
        }
        out.printf("seeds: loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return new Result(platformKeys, societyKeys, csv, cwr);
    }

    private ImportOutcome importFile(String step, String path, byte[] body, int works) {
        out.printf("seeds: %s: %,d bytes, %,d works...%n", step, body.length, works);
        long t0 = System.nanoTime();
        HttpRequest req = request(endpoints.registry(), path, IMPORT_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Answer a = send(step, req, IMPORT_TIMEOUT, 200);
        JsonNode n = a.json();
        ImportOutcome o = new ImportOutcome(n.path("lines").asLong(), n.path("accepted").asLong(), n.path("warnings").asLong(),
                n.path("refused").asLong(), n.path("changes").asLong(), n.path("written").asLong(), n.path("unchanged").asLong());
        if (o.refused() > 0 || !n.path("registryRefusals").isEmpty() || !n.path("committed").asBoolean(false)) {
            throw new StepFailed(step, a.status(), o.refused() + " refused, registry refusals "
                    + n.path("registryRefusals").size() + ": " + abbreviate(a.body()));
        }
        out.printf("seeds: %s: done in %.1f s: %,d accepted, %,d warnings, %,d changes (%,d written, %,d unchanged)%n", step,
                (System.nanoTime() - t0) / 1e9, o.accepted(), o.warnings(), o.changes(), o.written(), o.unchanged());
        return o;
    }

    /** Whether settlement's scheme in force equals {@code wanted} (decimals compared by value). */
    static boolean sameScheme(JsonNode current, StatutoryScheme wanted) {
        try {
            StatutoryScheme s = SeedFiles.JSON.treeToValue(current, StatutoryScheme.class);
            if (s.tariff() == null || s.reservedPenaltyMultiplier() == null
                    || s.reservedPenaltyMultiplier().compareTo(wanted.reservedPenaltyMultiplier()) != 0
                    || !wanted.tariff().currency().equals(s.tariff().currency())
                    || s.tariff().unitRates().size() != wanted.tariff().unitRates().size()) {
                return false;
            }
            for (SeedSet.UnitRate r : wanted.tariff().unitRates()) {
                var have = s.tariff().rate(r.usageType(), r.unitKind());
                if (have.isEmpty() || have.get().per() != r.per() || have.get().amount().compareTo(r.amount()) != 0) {
                    return false;
                }
            }
            return wanted.tariff().id().equals(s.tariff().id());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ HTTP

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return SeedFiles.JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + abbreviate(body), e);
            }
        }
    }

    private HttpRequest.Builder request(URI base, String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    HttpRequest post(URI base, String path, String json) {
        return request(base, path, REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest put(URI base, String path, String json) {
        return request(base, path, REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest get(URI base, String path) {
        return request(base, path, REQUEST_TIMEOUT).GET().build();
    }

    /** Sends, printing a line every 10 s while waiting; any status not in {@code ok} fails the step. */
    private Answer send(String step, HttpRequest req, Duration timeout, int... ok) {
        CompletableFuture<HttpResponse<String>> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        while (true) {
            try {
                r = f.get(10, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException e) {
                long s = (System.nanoTime() - t0) / 1_000_000_000L;
                if (s > timeout.toSeconds()) {
                    f.cancel(true);
                    throw new StepFailed(step, 0, req.method() + " " + req.uri() + " got no answer within " + timeout);
                }
                out.printf("seeds: %s: waiting for %s %s (%d s)%n", step, req.method(), req.uri().getPath(), s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed(step, 0, "interrupted");
            } catch (ExecutionException e) {
                throw new StepFailed(step, 0, req.method() + " " + req.uri() + " failed: " + e.getCause());
            }
        }
        for (int s : ok) {
            if (r.statusCode() == s) {
                return new Answer(r.statusCode(), r.body());
            }
        }
        throw new StepFailed(step, r.statusCode(), req.method() + " " + req.uri() + " answered HTTP " + r.statusCode()
                + ": " + abbreviate(r.body()));
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 2000 ? s : s.substring(0, 2000) + "... (" + s.length() + " characters)";
    }

    /** A path segment with everything but unreserved characters and ':' '@' percent-encoded. */
    static String pathSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~:@".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

}
