package io.fairshare.settlement.application;

import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;

/** Who may read a statement: the operator and auditors every one, a society, party or platform its own. */
public final class StatementAccess {
    private StatementAccess() {
    }

    /** Whether {@code caller} may read a statement addressed to {@code addresseeId} of {@code kind} (SOCIETY, PARTY, PLATFORM). */
    public static boolean mayRead(Caller caller, String kind, String addresseeId) {
        return switch (caller.role()) {
            case Roles.OPERATOR, Roles.AUDITOR -> true;
            case Roles.SOCIETY -> "SOCIETY".equals(kind) && caller.id().equals(addresseeId);
            case Roles.PARTY -> "PARTY".equals(kind) && caller.id().equals(addresseeId);
            case Roles.PLATFORM -> "PLATFORM".equals(kind) && caller.id().equals(addresseeId);
            default -> false;
        };
    }

    /** Whether the caller sees the errors of a provisional close (the operator's and auditors' view). */
    public static boolean seesEverything(Caller caller) {
        return caller.is(Roles.OPERATOR) || caller.is(Roles.AUDITOR);
    }
}
