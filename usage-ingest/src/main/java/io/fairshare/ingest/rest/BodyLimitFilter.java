package io.fairshare.ingest.rest;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.rest.ProblemMappers;
import io.fairshare.ingest.config.IngestConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body over the limit before it is read. (A body without Content-Length is
 * measured after reading, in the resource; bodies beyond quarkus.http.limits.max-body-size are cut
 * off by the HTTP layer.)
 */
public class BodyLimitFilter {
    private final IngestConfig config;

    public BodyLimitFilter(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkDeclaredLength(ContainerRequestContext ctx) {
        String cl = ctx.getHeaderString("Content-Length");
        if (cl == null || !"POST".equals(ctx.getMethod())) {
            return null;
        }
        try {
            long n = Long.parseLong(cl.trim());
            if (n > config.maxBodyBytes()) {
                return ProblemMappers.toResponse(UsageEventsResource.bodyTooLarge(n, config.maxBodyBytes()));
            }
            return null;
        } catch (NumberFormatException e) {
            return ProblemMappers.toResponse(new ApiProblem(400, "bad-request", "Bad request", "Content-Length is not a number"));
        }
    }
}
