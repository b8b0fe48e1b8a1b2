package io.fairshare.contracts.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What {@code units} counts. Wire names: tokens, bytes, items, seconds. */
public enum UnitKind {
    TOKENS, BYTES, ITEMS, SECONDS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnitKind> fromWire(String s) {
        for (UnitKind k : values()) {
            if (k.wireName().equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static UnitKind fromJson(String s) {
        return fromWire(s).orElseThrow(() -> new IllegalArgumentException("unknown unit kind: " + s));
    }
}
