package io.fairshare.testsupport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/**
 * What every Fairshare service answers while PostgreSQL or Kafka cannot be reached: 503, the
 * {@code unavailable} problem type as application/problem+json, and Retry-After (the services'
 * default, {@code fairshare.service.unavailable-retry-after-seconds=5}).
 */
public final class OutageAssertions {
    public static final String TYPE = "https://fairshare.io/problems/unavailable";
    public static final String TITLE = "Temporarily unavailable";
    public static final String DEFAULT_RETRY_AFTER = "5";

    private OutageAssertions() {
    }

    /** Asserts the answer is the outage problem and that its detail names the dependency (e.g. "PostgreSQL"). */
    public static ValidatableResponse assertUnavailable(ValidatableResponse response, String dependency) {
        return response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", DEFAULT_RETRY_AFTER)
                .body("type", equalTo(TYPE))
                .body("title", equalTo(TITLE))
                .body("status", equalTo(503))
                .body("detail", containsString(dependency));
    }
}
