package io.fairshare.registry.domain.scope;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Where a share, mandate or usage applies: an ISO 3166-1 alpha-2 country code (upper case) or {@link #WORLD}.
 * Instances from {@link #of} and {@link #parse} are shared, one per code.
 */
public record Territory(String code) {
    public static final Territory WORLD = new Territory("WORLD");

    /** WORLD at index 0, then the ISO codes in alphabetical order. */
    private static final Territory[] ALL = Stream.concat(
                    Stream.of(WORLD),
                    Stream.of(Locale.getISOCountries()).sorted().map(Territory::new))
            .toArray(Territory[]::new);

    private static final Map<String, Territory> KNOWN = Stream.of(ALL)
            .collect(Collectors.toUnmodifiableMap(Territory::code, Function.identity()));

    private static final Map<String, Integer> INDEX = IntStream.range(0, ALL.length).boxed()
            .collect(Collectors.toUnmodifiableMap(i -> ALL[i].code(), Function.identity()));

    public Territory {
        Objects.requireNonNull(code, "code");
        if (!code.equals("WORLD") && !IsoCodes.ALPHA_2.contains(code)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code (upper case) or WORLD: " + code);
        }
    }

    private static final class IsoCodes {
        static final Set<String> ALPHA_2 = Set.of(Locale.getISOCountries());
    }

    /** The shared instance for {@code code} (case-insensitive), or empty if it is neither an ISO code nor WORLD. */
    public static Optional<Territory> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(KNOWN.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** Like {@link #parse} but for codes already validated; throws IllegalArgumentException otherwise. */
    public static Territory of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 3166-1 alpha-2 code or WORLD: " + code));
    }

    public boolean isWorld() {
        return this.equals(WORLD);
    }

    /** The shared instance equal to this one (used by the index to keep one object per code). */
    public Territory canonical() {
        Territory t = KNOWN.get(code);
        return t != null ? t : this;
    }

    /** A small number standing for this territory in packed index data (WORLD is 0). */
    public int index() {
        Integer i = INDEX.get(code);
        if (i == null) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code or WORLD: " + code);
        }
        return i;
    }

    public static Territory byIndex(int index) {
        return ALL[index];
    }

    /** How many territories {@link #index()} numbers. */
    public static int count() {
        return ALL.length;
    }

    @Override
    public String toString() {
        return code;
    }
}
