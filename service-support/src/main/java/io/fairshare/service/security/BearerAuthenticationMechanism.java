package io.fairshare.service.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code Authorization: Bearer <token>} and hands the token to the identity providers
 * ({@link ApiKeyIdentityProvider}). No header: the request is anonymous, and an endpoint that needs a
 * role answers 401 (problem+json, {@code WWW-Authenticate: Bearer}).
 *
 * <p>When operators sign in with their organisation's IdP ({@code quarkus.smallrye-jwt.enabled=true},
 * README "Authentication and roles"), a JWT-shaped token (three base64url parts) is left to the
 * smallrye-jwt mechanism: this one runs first (a higher priority) and answers "no credential" for it,
 * and Quarkus moves on to the next mechanism. Fairshare's API keys never contain a dot.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String CHALLENGE = "Bearer realm=\"fairshare\"";
    private static final String SCHEME = "bearer";
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final boolean jwtEnabled;

    public BearerAuthenticationMechanism(Instance<JWTAuthMechanism> jwt) {
        this.jwtEnabled = jwt.isResolvable();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = token(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null || jwtEnabled && isJwtShaped(token)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, SCHEME)));
    }

    /** The token of a bearer header; null when there is none. */
    static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = header.substring(7).trim();
        return t.isEmpty() ? null : t;
    }

    /** Whether a token looks like a compact JWS (header.payload.signature, each base64url). */
    static boolean isJwtShaped(String token) {
        return JWT_SHAPE.matcher(token).matches();
    }

    /** Before smallrye-jwt's mechanism (default priority), so that a Fairshare key never reaches it. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
