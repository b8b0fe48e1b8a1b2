package io.fairshare.service.security;

import java.util.Collection;
import java.util.Set;

/**
 * What an auditor may read: platforms and periods, each a set of ids or every one. Empty means none: "every
 * platform" is never implied, an operator states it ({@code *}) when issuing the credential. Every caller
 * other than an issued auditor credential has the empty scope ({@link #NONE}).
 */
public record Scope(Set<String> platforms, Set<String> periods) {
    /** The explicit wildcard of a scope list. */
    public static final String ALL = "*";
    /** Nothing at all. */
    public static final Scope NONE = new Scope(Set.of(), Set.of());

    public Scope {
        platforms = Set.copyOf(platforms);
        periods = Set.copyOf(periods);
    }

    public static Scope of(Collection<String> platforms, Collection<String> periods) {
        return new Scope(Set.copyOf(platforms), Set.copyOf(periods));
    }

    public boolean isEmpty() {
        return platforms.isEmpty() || periods.isEmpty();
    }

    public boolean coversPlatform(String platformId) {
        return platforms.contains(ALL) || platformId != null && platforms.contains(platformId);
    }

    public boolean coversPeriod(String periodId) {
        return periods.contains(ALL) || periodId != null && periods.contains(periodId);
    }

    /** Whether the figures of {@code platformId} in {@code periodId} are inside this scope. */
    public boolean mayRead(String platformId, String periodId) {
        return coversPlatform(platformId) && coversPeriod(periodId);
    }
}
