package io.fairshare.registry.domain.scope;

import java.time.LocalDate;

/**
 * Date ranges of shares, mandates and licences. <b>Both ends are inclusive</b>: a range from 2025-01-01 to
 * 2025-12-31 covers both of those days. A null start means "since always", a null end "until further notice".
 */
public final class Validity {
    private Validity() {
    }

    /** Whether {@code day} lies in [from, to], both inclusive, null meaning unbounded. */
    public static boolean covers(LocalDate from, LocalDate to, LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** Orders start dates, null (since always) first. */
    public static int compareStart(LocalDate a, LocalDate b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }

    /** Null when the range is well formed, else the reason it is not. */
    public static String problem(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            return "valid_to " + to + " is before valid_from " + from;
        }
        return null;
    }
}
