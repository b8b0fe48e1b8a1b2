package io.fairshare.ingest.rest;

import io.fairshare.ingest.application.ServiceUnavailableException;
import io.fairshare.ingest.config.IngestConfig;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; no stack trace ever reaches a client. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p) {
        return toResponse(p);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return toResponse(new ApiProblem(503, "unavailable", "Temporarily unavailable",
                e.getMessage() + "; nothing was reported accepted that is not stored: retry the same request later")
                .withHeader("Retry-After", Integer.toString(config.unavailableRetryAfterSeconds())));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        if (status >= 500) {
            LOG.error("request failed", e);
            return toResponse(new ApiProblem(status, "internal", title, "the service failed; the failure is logged"));
        }
        return toResponse(new ApiProblem(status, "http-" + status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable t) {
        LOG.error("unexpected failure", t);
        return toResponse(new ApiProblem(500, "internal", "Internal error", "the service failed unexpectedly; the failure is logged"));
    }

    static Response toResponse(ApiProblem p) {
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.problem());
        p.headers().forEach(b::header);
        return b.build();
    }
}
