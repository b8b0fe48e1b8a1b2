package io.fairshare.payout.domain.ledger;

import java.util.regex.Pattern;

/**
 * Settlement period ids as settlement issues them: the year first, then the period within it
 * ({@code 2026-11}, {@code 2026-W05}, {@code 2026-Q1}). Within one calendar they sort chronologically as
 * strings, which is what "oldest period first" relies on.
 */
public final class Periods {
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}(-[0-9A-Z]{1,4}){1,2}");

    private Periods() {
    }

    public static boolean isValid(String period) {
        return period != null && PERIOD.matcher(period).matches();
    }
}
