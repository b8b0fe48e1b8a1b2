package io.fairshare.registry.domain.catalogue;

import java.util.Locale;
import java.util.Optional;

/** What kind of creative work a {@link Work} is. Wire names are lower case with hyphens ("news-article"). */
public enum Category {
    MUSIC, BOOK, NEWS_ARTICLE, SCRIPT, COMIC, IMAGE, VIDEO, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a wire name; case-insensitive, '_' and '-' are interchangeable. */
    public static Optional<Category> fromWire(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Category c : values()) {
            if (c.name().equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
