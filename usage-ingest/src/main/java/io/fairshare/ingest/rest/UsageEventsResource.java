package io.fairshare.ingest.rest;

import io.fairshare.contracts.errors.FieldError;

import io.fairshare.service.rest.ApiProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * POST /v1/usage-events: a JSON array of usage events, a CloudEvents batch, or one structured
 * CloudEvent. Answers 200 with a result per event; whole-request failures are problem+json.
 */
@Path("/v1/usage-events")
public class UsageEventsResource {
    static final String JSON = "application/json";
    static final String CE_BATCH = "application/cloudevents-batch+json";
    static final String CE_SINGLE = "application/cloudevents+json";

    /** The response body. */
    public record BatchResponse(String platformId, int received, int accepted, int duplicate, int rejected,
                                List<EventResponse> results) {
    }

    /** One event's answer: status accepted, duplicate or rejected (with errors). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventResponse(int index, String eventId, String status, List<FieldError> errors) {
    }

    private final IngestService ingest;
    private final CurrentCaller caller;
    private final RateLimiter rateLimiter;
    private final RequestBodyParser parser;
    private final IngestConfig config;
    private final UsageEventValidator validator;

    public UsageEventsResource(IngestService ingest, CurrentCaller caller, RateLimiter rateLimiter,
                               RequestBodyParser parser, IngestConfig config) {
        this.ingest = ingest;
        this.caller = caller;
        this.rateLimiter = rateLimiter;
        this.parser = parser;
        this.config = config;
        IngestLimits d = IngestLimits.defaults();
        this.validator = new UsageEventValidator(new IngestLimits(config.maxFutureSkew(), d.earliestUsedAt(), d.maxUnits()));
    }

    /** The platform always comes from its key, never from the body. */
    @APIResponse(responseCode = "200", description = "Per event: accepted, duplicate or rejected with its reasons",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "429", ref = ProblemOpenApiFilter.TOO_MANY_REQUESTS)
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    public BatchResponse post(@HeaderParam("Content-Type") String contentType, byte[] body) {
        String platformId = caller.get().id();
        String media = mediaType(contentType);
        if (body != null && body.length > config.maxBodyBytes()) {
            throw bodyTooLarge(body.length, config.maxBodyBytes());
        }
        Object json = parser.parse(body);
        List<Object> events = events(media, json);
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
        return toResponse(ingest.ingest(platformId, validated));
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

    private static BatchResponse toResponse(IngestReport r) {
        List<EventResponse> results = new ArrayList<>(r.results().size());
        for (EventResult e : r.results()) {
            results.add(new EventResponse(e.index(), e.eventId(), e.status().name().toLowerCase(Locale.ROOT),
                    e.errors().isEmpty() ? null : e.errors()));
        }
        return new BatchResponse(r.platformId(), r.received(), r.accepted(), r.duplicate(), r.rejected(), results);
    }
}
