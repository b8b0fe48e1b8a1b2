package io.fairshare.service.security;

import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.rest.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The same problem+json for the same refusal in every service: 401 {@code unauthenticated} with
 * {@code WWW-Authenticate: Bearer} for a missing or unknown token, 403 {@code forbidden} for a
 * caller whose role may not do this. (Needs {@code quarkus.http.auth.proactive=false}, so that
 * authentication runs in the REST layer where these mappers apply.)
 */
public class SecurityProblemMappers {
    static final String HOW = "send 'Authorization: Bearer <key>' with a valid key";

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ProblemMappers.toResponse(ApiProblem.unauthorized("the bearer token is not a valid key; " + HOW));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ProblemMappers.toResponse(ApiProblem.unauthorized("this endpoint needs credentials; " + HOW));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.toResponse(ApiProblem.forbidden("your role may not do this"));
    }
}
