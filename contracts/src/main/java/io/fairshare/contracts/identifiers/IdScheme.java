package io.fairshare.contracts.identifiers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The schemes by which a work is known. Wire names are lower case ("iswc", "sha256"). */
public enum IdScheme {
    ISWC, ISRC, ISBN, ISAN, DOI, URL, SHA256;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive; "isbn13" and "sha-256" are accepted aliases). */
    public static Optional<IdScheme> fromWire(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "isbn13": case "isbn-13": return Optional.of(ISBN);
            case "sha-256": return Optional.of(SHA256);
            default:
                for (IdScheme v : values()) {
                    if (v.wireName().equals(k)) {
                        return Optional.of(v);
                    }
                }
                return Optional.empty();
        }
    }

    @JsonCreator
    static IdScheme fromJson(String s) {
        return fromWire(s).orElseThrow(() -> new IllegalArgumentException("unknown identifier scheme: " + s));
    }
}
