package io.fairshare.service.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller of the current request, for ownership checks behind {@code @RolesAllowed}. */
@ApplicationScoped
public class CurrentCaller {
    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The authenticated caller; a 401 if the request is anonymous (an endpoint without @RolesAllowed). */
    public Caller get() {
        Caller c = Caller.of(identity);
        if (c == null) {
            throw new io.quarkus.security.UnauthorizedException("not authenticated");
        }
        return c;
    }
}
