package io.fairshare.ingest.rest;

import io.fairshare.contracts.errors.FieldError;

import io.fairshare.service.rest.ApiProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.ingest.application.IdempotentRequests;
import io.fairshare.ingest.application.IngestReport;
import io.fairshare.ingest.application.IngestService;
import io.fairshare.ingest.application.RateLimiter;
import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.domain.EventResult;
import io.fairshare.ingest.domain.IngestLimits;
import io.fairshare.ingest.domain.UsageEventValidator;
import io.fairshare.ingest.domain.Validated;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.fairshare.service.rest.ProblemOpenApiFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * POST /v1/usage-events: a JSON array of usage events, a CloudEvents batch, one structured CloudEvent, or one
 * CloudEvent in HTTP binary mode (its attributes in {@code ce-} headers, its data the JSON body). Answers 200 with
 * a result per event; whole-request failures are problem+json. A single CloudEvent (structured or binary) whose id
 * was used before for other content is a 409 problem+json naming the fields that differ; in a batch that event's
 * result is {@code conflict} with the same errors.
 */
@Path("/v1/usage-events")
public class UsageEventsResource {
    static final String JSON = "application/json";
    static final String CE_BATCH = "application/cloudevents-batch+json";
    static final String CE_SINGLE = "application/cloudevents+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The response body. */
    public record BatchResponse(String platformId, int received, int accepted, int duplicate, int rejected, int conflict,
                                List<EventResponse> results) {
    }

    /** One event's answer: status accepted, duplicate, rejected (with errors) or conflict (errors name the differing fields). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventResponse(int index, String eventId, String status, List<FieldError> errors) {
    }

    private final IngestService ingest;
    private final CurrentCaller caller;
    private final RateLimiter rateLimiter;
    private final RequestBodyParser parser;
    private final IngestConfig config;
    private final UsageEventValidator validator;
    private final IdempotentRequests idempotent;
    private final ObjectMapper json;

    public UsageEventsResource(IngestService ingest, CurrentCaller caller, RateLimiter rateLimiter,
                               RequestBodyParser parser, IngestConfig config, IdempotentRequests idempotent, ObjectMapper json) {
        this.idempotent = idempotent;
        this.json = json;
        this.ingest = ingest;
        this.caller = caller;
        this.rateLimiter = rateLimiter;
        this.parser = parser;
        this.config = config;
        IngestLimits d = IngestLimits.defaults();
        this.validator = new UsageEventValidator(new IngestLimits(config.maxFutureSkew(), d.earliestUsedAt(), d.maxUnits()));
    }

    /**
     * The platform always comes from its key, never from the body. With an {@code Idempotency-Key} header the
     * request's answer is kept: the same key and request get it again ({@code Idempotent-Replayed: true}), the same
     * key with another request is a 409 ({@link IdempotentRequests}).
     */
    @APIResponse(responseCode = "200", description = "Per event: accepted, duplicate or rejected with its reasons",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "409", description = "A single CloudEvent whose id was used before for other content (problem+json"
            + " whose errors name the fields that differ)")
    @APIResponse(responseCode = "429", ref = ProblemOpenApiFilter.TOO_MANY_REQUESTS)
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    public Response post(@HeaderParam("Content-Type") String contentType,
                         @Parameter(description = "Optional, 1 to 255 printable ASCII characters: a retry with the same key and"
                                 + " request gets the first answer again") @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                         @Context HttpHeaders headers, byte[] body) {
        String platformId = caller.get().id();
        Map<String, String> binary = CloudEventHeaders.attributes(headers.getRequestHeaders());
        if (idempotencyKey == null) {
            return Response.ok(ingest(platformId, contentType, binary, body), MediaType.APPLICATION_JSON).build();
        }
        String key = IdempotentRequests.checkedKey(idempotencyKey);
        IdempotentRequests.Answer a = idempotent.answer(platformId, key, requestSha256(contentType, binary, body),
                () -> write(ingest(platformId, contentType, binary, body)));
        Response.ResponseBuilder r = Response.ok(a.json(), MediaType.APPLICATION_JSON);
        return (a.replayed() ? r.header("Idempotent-Replayed", "true") : r).build();
    }

    private BatchResponse ingest(String platformId, String contentType, Map<String, String> binary, byte[] body) {
        String media = binary.isEmpty() ? mediaType(contentType) : CE_SINGLE;
        if (!binary.isEmpty() && !JSON.equals(mediaType(contentType))) {
            throw unsupported(contentType + " as the data of a binary-mode CloudEvent (only " + JSON + ")");
        }
        if (body != null && body.length > config.maxBodyBytes()) {
            throw bodyTooLarge(body.length, config.maxBodyBytes());
        }
        Object json = parser.parse(body);
        List<Object> events = events(media, binary.isEmpty() ? json : CloudEventHeaders.structured(binary, json));
        long wait = rateLimiter.acquire(platformId, events.size());
        if (wait != 0) {
            throw new ApiProblem(429, "rate-limited", "Too many events",
                    "platform " + platformId + " is over its rate limit; retry after " + wait + " s")
                    .withHeader("Retry-After", Long.toString(wait));
        }
        Instant now = Instant.now();
        boolean cloudEvents = !JSON.equals(media);
        List<Validated> validated = new ArrayList<>(events.size());
        for (Object e : events) {
            validated.add(cloudEvents ? validator.validateCloudEvent(UsageEventJson.cloudEvent(e), platformId, now)
                    : validator.validatePlain(UsageEventJson.plain(e), platformId, now));
        }
        IngestReport report = ingest.ingest(platformId, validated);
        String prefix = cloudEvents ? "data." : "";
        if (CE_SINGLE.equals(media) && report.conflict() == 1) {
            EventResult e = report.results().get(0);
            throw new ApiProblem(409, "event-id-reused", "Event id used before for other content", "event " + e.eventId()
                    + " was submitted before with other content; the first submission stands: send a correction under a new id",
                    prefixed(e.errors(), prefix), Map.of());
        }
        return toResponse(report, prefix);
    }

    /** What makes two requests the same request: the media type, the binary-mode attributes and the body. */
    private static byte[] requestSha256(String contentType, Map<String, String> binary, byte[] body) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(String.valueOf(contentType).trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(binary).forEach((k, v) -> sha.update(("\n" + k + "=" + v).getBytes(StandardCharsets.UTF_8)));
        sha.update((byte) 0);
        return sha.digest(body == null ? new byte[0] : body);
    }

    private String write(BatchResponse r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldError> prefixed(List<FieldError> errors, String prefix) {
        return errors.stream().map(f -> f.field().isEmpty() || !"EVENT_ID_REUSED".equals(f.code()) ? f
                : new FieldError(prefix + f.field(), f.code(), f.message())).toList();
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("no Content-Type");
        }
        String[] parts = contentType.split(";");
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")
                    && !kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw unsupported("charset " + kv[1].trim() + " (only UTF-8 is accepted)");
            }
        }
        if (!media.equals(JSON) && !media.equals(CE_BATCH) && !media.equals(CE_SINGLE)) {
            throw unsupported(media);
        }
        return media;
    }

    private List<Object> events(String media, Object json) {
        List<Object> events;
        if (CE_SINGLE.equals(media)) {
            if (!(json instanceof Map)) {
                throw new ApiProblem(400, "not-an-event", "Not a CloudEvent", CE_SINGLE + " takes one JSON object (a structured CloudEvent); send arrays as " + CE_BATCH);
            }
            events = List.of(json);
        } else if (json instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) list;
            events = l;
        } else {
            throw new ApiProblem(400, "not-a-batch", "Not a batch", media + " takes a JSON array of events, got " + (json instanceof Map ? "an object" : "a scalar"));
        }
        if (events.isEmpty()) {
            throw new ApiProblem(400, "empty-batch", "Empty batch", "the batch holds no events");
        }
        if (events.size() > config.maxBatchEvents()) {
            throw new ApiProblem(413, "batch-too-large", "Batch too large",
                    "a batch may hold at most " + config.maxBatchEvents() + " events, this one holds " + events.size() + ": split it");
        }
        return events;
    }

    static ApiProblem bodyTooLarge(long size, long max) {
        return new ApiProblem(413, "body-too-large", "Body too large", "the body has " + size + " bytes; at most " + max + " are accepted");
    }

    private static ApiProblem unsupported(String what) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                "got " + what + "; send " + JSON + " (array of events), " + CE_BATCH + " or " + CE_SINGLE);
    }

    private static BatchResponse toResponse(IngestReport r, String prefix) {
        List<EventResponse> results = new ArrayList<>(r.results().size());
        for (EventResult e : r.results()) {
            results.add(new EventResponse(e.index(), e.eventId(), e.status().name().toLowerCase(Locale.ROOT),
                    e.errors().isEmpty() ? null : prefixed(e.errors(), prefix)));
        }
        return new BatchResponse(r.platformId(), r.received(), r.accepted(), r.duplicate(), r.rejected(), r.conflict(), results);
    }
}
