package io.fairshare.registry.application;

import io.fairshare.registry.domain.SocietyId;

/** Who makes a request: the registry authority, or one society (by its API key). */
public record Caller(SocietyId society) {
    public static final Caller AUTHORITY = new Caller(null);

    public boolean isAuthority() {
        return society == null;
    }

    /** The name written to the audit log: the society id, or "authority". */
    public String actor() {
        return society == null ? "authority" : society.value();
    }
}
