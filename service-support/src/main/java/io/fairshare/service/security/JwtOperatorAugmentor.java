package io.fairshare.service.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a person signed in with a verified JWT (smallrye-jwt, off unless
 * {@code quarkus.smallrye-jwt.enabled=true}) a Fairshare role from the IdP's groups:
 * {@code fairshare.security.jwt.operator-group} is the operator, the optional
 * {@code fairshare.security.jwt.auditor-group} an auditor. The token's own groups are not roles
 * here (an IdP group called "platform" gives nothing); a token in neither group has no role, so
 * every endpoint answers 403. The {@link Caller} is named by {@code fairshare.security.jwt.name-claim}
 * (the subject by default), so that audit records name the person.
 */
@ApplicationScoped
public class JwtOperatorAugmentor implements SecurityIdentityAugmentor {
    private final SecurityConfig.Jwt config;

    public JwtOperatorAugmentor(SecurityConfig config) {
        this.config = config.jwt();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || identity.getAttribute(Caller.ATTRIBUTE) != null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        String role = roleOf(jwt);
        if (role != null) {
            String name = nameOf(jwt);
            b.addRole(role).addAttribute(Caller.ATTRIBUTE, new Caller(name, role, name));
        }
        return Uni.createFrom().item(b.build());
    }

    private String roleOf(JsonWebToken jwt) {
        if (jwt.getGroups().contains(config.operatorGroup())) {
            return Roles.OPERATOR;
        }
        if (config.auditorGroup().filter(jwt.getGroups()::contains).isPresent()) {
            return Roles.AUDITOR;
        }
        return null;
    }

    private String nameOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(config.nameClaim());
        String name = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        return name == null || name.isBlank() ? jwt.getName() : name;
    }
}
