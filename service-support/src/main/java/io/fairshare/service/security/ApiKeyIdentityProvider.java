package io.fairshare.service.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;

/**
 * Turns a bearer token into a {@link SecurityIdentity} with one role: the configured operator
 * tokens and auditor and party keys first (in memory, constant time), then the service's own
 * {@link ApiKeyDirectory} (its database), off the IO thread. A token nobody knows fails
 * authentication (401). A JWT from smallrye-jwt's mechanism is not a key: it is left to its validator.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final ConfiguredKeys configured = new ConfiguredKeys();
    private final List<ApiKeyDirectory> directories;

    public ApiKeyIdentityProvider(SecurityConfig config, Instance<ApiKeyDirectory> directories) {
        Caller operator = Caller.of(Roles.OPERATOR, Roles.OPERATOR);
        config.operatorTokens().orElse(List.of()).forEach(t -> configured.add(operator, t));
        configured.add(Roles.AUDITOR, config.auditorKeys());
        configured.add(Roles.PARTY, config.partyKeys());
        this.directories = directories.stream().toList();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.getToken() instanceof JsonWebTokenCredential) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        Optional<Caller> known = configured.find(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(identity(known.get()));
        }
        if (directories.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown bearer token"));
        }
        return context.runBlocking(() -> {
            for (ApiKeyDirectory d : directories) {
                Optional<Caller> c = d.find(token);
                if (c.isPresent()) {
                    return identity(c.get());
                }
            }
            throw new AuthenticationFailedException("unknown bearer token");
        });
    }

    static SecurityIdentity identity(Caller c) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(c.name()))
                .addRole(c.role())
                .addAttribute(Caller.ATTRIBUTE, c)
                .build();
    }
}
