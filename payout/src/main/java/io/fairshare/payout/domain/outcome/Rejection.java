package io.fairshare.payout.domain.outcome;

import java.util.Objects;

/** Why something was refused: a code for machines and a message a person can act on. */
public record Rejection(ErrorCode code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection of(ErrorCode code, String message) {
        return new Rejection(code, message);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
