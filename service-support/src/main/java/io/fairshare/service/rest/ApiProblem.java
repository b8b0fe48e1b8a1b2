package io.fairshare.service.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused as a whole: the problem type (a slug under {@link Problem#TYPE_BASE}), the
 * HTTP status, field-level errors if any, and headers to send (Retry-After, WWW-Authenticate).
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<?> errors;
    private final Map<String, String> headers;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, Map.of());
    }

    public ApiProblem(int status, String slug, String title, String detail, List<?> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem withHeader(String name, String value) {
        Map<String, String> h = new HashMap<>(headers);
        h.put(name, value);
        return new ApiProblem(status, slug, title, getMessage(), errors, h);
    }

    public Problem problem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthenticated", "Missing or invalid credentials", detail, null,
                Map.of("WWW-Authenticate", "Bearer realm=\"fairshare\""));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(409, slug, "Conflict", detail);
    }

    public static ApiProblem invalid(String detail, List<?> errors) {
        return new ApiProblem(400, "invalid-request", "Invalid request", detail, errors, Map.of());
    }
}
