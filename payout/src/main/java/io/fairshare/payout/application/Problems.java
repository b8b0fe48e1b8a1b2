package io.fairshare.payout.application;

import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.service.rest.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A domain rejection as problem+json: 404 for an unknown run or payment, 400 for invalid input, else 409. */
public final class Problems {
    private Problems() {
    }

    public static ApiProblem of(Rejection r) {
        String slug = r.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<Map<String, String>> errors = List.of(Map.of("code", r.code().name(), "message", r.message()));
        return switch (r.code()) {
            case UNKNOWN_RUN, UNKNOWN_PAYMENT -> new ApiProblem(404, slug, "Not found", r.message(), errors, Map.of());
            case INVALID_STATEMENT, INVALID_RECEIPT, INVALID_RUN_REQUEST, INVALID_BANK_DETAILS, INVALID_RELEASE, INVALID_TRANSACTION,
                 NON_POSITIVE_AMOUNT, TRANSACTION_UNBALANCED -> new ApiProblem(400, slug, "Invalid request", r.message(), errors, Map.of());
            default -> new ApiProblem(409, slug, "Conflict", r.message(), errors, Map.of());
        };
    }
}
