package io.fairshare.ingest.rest;

import io.fairshare.ingest.domain.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A request the service refuses as a whole, with the problem type (a slug under
 * {@link Problem#TYPE_BASE}), the HTTP status and any headers to send (Retry-After, WWW-Authenticate).
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, Map.of());
    }

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public ApiProblem withHeader(String name, String value) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new ApiProblem(status, slug, title, getMessage(), errors, Map.copyOf(h));
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

    public static ApiProblem unauthorized() {
        return new ApiProblem(401, "unauthenticated", "Missing or invalid credentials",
                "send your platform API key as 'Authorization: Bearer fsk_...'", null, Map.of("WWW-Authenticate", "Bearer realm=\"fairshare\""));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }
}
