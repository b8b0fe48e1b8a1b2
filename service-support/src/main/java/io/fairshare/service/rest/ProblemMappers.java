package io.fairshare.service.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fairshare.service.Outages;
import io.fairshare.service.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as problem+json; no stack trace ever reaches a client. A failure to reach
 * PostgreSQL or Kafka ({@link Outages}), however it is wrapped, is 503 {@code unavailable} with
 * Retry-After in every service; any other unexpected failure is 500 {@code internal}.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int retryAfterSeconds;

    public ProblemMappers(@ConfigProperty(name = "fairshare.service.unavailable-retry-after-seconds", defaultValue = "5") int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p) {
        return toResponse(p);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warn("unavailable: " + e.getMessage(), e.getCause());
        return unavailableResponse(e.getMessage());
    }

    /** A JSON body that Jackson could not bind (wrong shape or types): the client's error. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return toResponse(new ApiProblem(400, "malformed-json", "Malformed JSON", e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        if (status >= 500 && Outages.isOutage(e)) {
            return unexpected(e);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return toResponse(new ApiProblem(status, "internal", title, "the service failed; the failure is logged"));
        }
        return toResponse(new ApiProblem(status, "http-" + status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable t) {
        Optional<Outages.Dependency> down = Outages.of(t);
        if (down.isPresent()) {
            LOG.warn("unavailable: " + down.get().label() + " cannot be reached", t);
            return unavailableResponse(down.get().label() + " cannot be reached");
        }
        LOG.error("unexpected failure", t);
        return toResponse(new ApiProblem(500, "internal", "Internal error", "the service failed unexpectedly; the failure is logged"));
    }

    /** The one answer to an outage, whichever dependency and service: 503, type unavailable, Retry-After. */
    private Response unavailableResponse(String what) {
        return toResponse(new ApiProblem(503, "unavailable", "Temporarily unavailable",
                what + "; nothing was reported done that is not stored: retry the same request later")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static Response toResponse(ApiProblem p) {
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.problem());
        p.headers().forEach(b::header);
        return b.build();
    }
}
