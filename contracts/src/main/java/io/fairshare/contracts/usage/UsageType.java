package io.fairshare.contracts.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How a work was used in training. Wire names: pre-training, fine-tuning, retrieval, evaluation. */
public enum UsageType {
    PRE_TRAINING, FINE_TUNING, RETRIEVAL, EVALUATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<UsageType> fromWire(String s) {
        for (UsageType t : values()) {
            if (t.wireName().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static UsageType fromJson(String s) {
        return fromWire(s).orElseThrow(() -> new IllegalArgumentException("unknown usage type: " + s));
    }
}
