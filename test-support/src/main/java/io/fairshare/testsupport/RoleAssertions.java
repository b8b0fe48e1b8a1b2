package io.fairshare.testsupport;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** The answers every service gives a caller without the role (403) or without a known key (401), as problem+json. */
public final class RoleAssertions {
    private RoleAssertions() {
    }

    public static ValidatableResponse forbidden(ValidatableResponse r) {
        return r.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://fairshare.io/problems/forbidden")).body("status", equalTo(403));
    }

    public static ValidatableResponse unauthenticated(ValidatableResponse r) {
        return r.statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"fairshare\"")
                .body("type", equalTo("https://fairshare.io/problems/unauthenticated")).body("status", equalTo(401));
    }
}
