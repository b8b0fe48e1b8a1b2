package io.fairshare.settlement.application;

import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.Scope;

/**
 * Who may read a statement: the operator every one; a society, party or platform its own; an auditor by its key.
 * A configured auditor key ({@code fairshare.security.auditor-keys}, no scope) reads every statement, as before
 * issued credentials existed. An auditor credential issued by rights-registry (scoped to platforms and periods)
 * reads a platform statement of a platform and period in its scope, and a society or party statement (which spans
 * every platform) only of a period in its scope and only when its platforms are every platform ({@code *}).
 */
public final class StatementAccess {
    private StatementAccess() {
    }

    /** Whether {@code caller} may read the statement of {@code periodId} addressed to {@code addresseeId} of {@code kind} (SOCIETY, PARTY, PLATFORM). */
    public static boolean mayRead(Caller caller, String kind, String addresseeId, String periodId) {
        return switch (caller.role()) {
            case Roles.OPERATOR -> true;
            case Roles.AUDITOR -> caller.scope().isEmpty() || inScope(caller.scope(), kind, addresseeId, periodId);
            case Roles.SOCIETY -> "SOCIETY".equals(kind) && caller.id().equals(addresseeId);
            case Roles.PARTY -> "PARTY".equals(kind) && caller.id().equals(addresseeId);
            case Roles.PLATFORM -> "PLATFORM".equals(kind) && caller.id().equals(addresseeId);
            default -> false;
        };
    }

    /** {@link #mayRead(Caller, String, String, String)} of a stored statement. */
    public static boolean mayRead(Caller caller, StatementRecord s) {
        return mayRead(caller, s.kind(), s.addresseeId(), s.periodId());
    }

    private static boolean inScope(Scope scope, String kind, String addresseeId, String periodId) {
        if ("PLATFORM".equals(kind)) {
            return scope.mayRead(addresseeId, periodId);
        }
        return scope.coversPeriod(periodId) && scope.platforms().contains(Scope.ALL);
    }

    /**
     * Whether the caller sees the errors of a provisional close (the operator's and auditors' view): an issued,
     * scoped auditor only when its scope is every platform and period.
     */
    public static boolean seesEverything(Caller caller) {
        return caller.is(Roles.OPERATOR) || caller.is(Roles.AUDITOR)
                && (caller.scope().isEmpty() || caller.scope().platforms().contains(Scope.ALL) && caller.scope().periods().contains(Scope.ALL));
    }
}
