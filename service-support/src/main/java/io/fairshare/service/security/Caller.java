package io.fairshare.service.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Objects;

/**
 * Who makes a request: a principal name, its one role ({@link Roles}) and the id of the platform,
 * society or party it speaks for (the principal name again for operators and auditors), and what it
 * may read as an auditor ({@link Scope}; {@link Scope#NONE} for every caller but an issued auditor credential).
 */
public record Caller(String name, String role, String id, Scope scope) {
    /** The identity attribute under which the caller travels with its {@link SecurityIdentity}. */
    public static final String ATTRIBUTE = "fairshare.caller";

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        scope = scope == null ? Scope.NONE : scope;
    }

    /** A caller without a scope of its own ({@link Scope#NONE}). */
    public Caller(String name, String role, String id) {
        this(name, role, id, Scope.NONE);
    }

    /** A caller whose principal name is the id it speaks for. */
    public static Caller of(String role, String id) {
        return new Caller(id, role, id);
    }

    /** The caller of an authenticated identity; null for an anonymous one. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Caller c = identity.getAttribute(ATTRIBUTE);
        if (c != null) {
            return c;
        }
        // An identity from another mechanism (OIDC): its roles decide, its principal names it.
        String name = identity.getPrincipal().getName();
        for (String r : new String[] {Roles.OPERATOR, Roles.AUDITOR, Roles.SOCIETY, Roles.PLATFORM, Roles.PARTY}) {
            if (identity.hasRole(r)) {
                return new Caller(name, r, name);
            }
        }
        return null;
    }

    public boolean is(String r) {
        return role.equals(r);
    }

    public boolean isOperator() {
        return is(Roles.OPERATOR);
    }

    /** Whether the caller is {@code r} speaking for {@code ownId}. */
    public boolean isOwn(String r, String ownId) {
        return is(r) && id.equals(ownId);
    }

    /** What an audit record names as the actor: {@code name (role)}. */
    public String actor() {
        return name + " (" + role + ")";
    }
}
