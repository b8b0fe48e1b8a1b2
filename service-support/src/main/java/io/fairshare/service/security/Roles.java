package io.fairshare.service.security;

/**
 * The roles of Fairshare's callers, as {@code @RolesAllowed} names them. A caller has exactly one.
 */
public final class Roles {
    /** An AI platform: reports usage, reads what it owes. */
    public static final String PLATFORM = "platform";
    /** A collective management organisation: its catalogue and its statements. */
    public static final String SOCIETY = "society";
    /** A rights holder: reads what is addressed to it. */
    public static final String PARTY = "party";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** Runs the service (the registry authority, the clearing house). */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
