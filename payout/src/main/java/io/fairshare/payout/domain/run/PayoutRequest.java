package io.fairshare.payout.domain.run;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to plan a payout run. {@code runId} is chosen by the caller and makes the run idempotent; it is
 * also the pain.001 message id, so it is 1 to 30 letters, digits or hyphens (the payment-information id
 * {@code <runId>-<CCY>} must fit 35 characters). {@code createdAt} is the file's creation time: it comes
 * from the request, never from the clock, so that a run's file is the same every time it is written.
 */
public record PayoutRequest(String runId, LocalDate valueDate, Instant createdAt) {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,29}");

    public Optional<Rejection> validate() {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_RUN_REQUEST,
                    "runId must be 1 to 30 letters, digits or hyphens, starting with a letter or digit, got: " + runId));
        }
        if (valueDate == null) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_RUN_REQUEST, "valueDate is required"));
        }
        if (createdAt == null) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_RUN_REQUEST, "createdAt is required"));
        }
        return Optional.empty();
    }
}
