package io.fairshare.stack.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to one Fairshare service with a bearer token: what the demo, the end-to-end test and the
 * benchmark call the operator APIs with. A response outside 2xx is an {@link HttpFailure} naming the call,
 * its status and the problem+json body.
 */
public final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String bearer;
    private final Duration timeout;

    public ServiceClient(String baseUrl, String bearer, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.bearer = bearer;
        this.timeout = timeout;
    }

    public ServiceClient(String baseUrl, String bearer) {
        this(baseUrl, bearer, Duration.ofMinutes(5));
    }

    /** A call that did not answer 2xx. */
    public static final class HttpFailure extends IllegalStateException {
        private final int status;
        private final String body;

        HttpFailure(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send("GET", path, null, Map.of()).body());
    }

    public String getText(String path, String accept) throws IOException, InterruptedException {
        return send("GET", path, null, Map.of("Accept", accept)).body();
    }

    public JsonNode put(String path, Object body) throws IOException, InterruptedException {
        return JSON.readTree(send("PUT", path, body, Map.of()).body());
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return post(path, body, Map.of());
    }

    public JsonNode post(String path, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        return JSON.readTree(send("POST", path, body, headers).body());
    }

    /** Sends a call; answers the response when it is 2xx, else throws {@link HttpFailure}. */
    public HttpResponse<String> send(String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::setHeader);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new HttpFailure(method + " " + baseUrl + path, response.statusCode(), response.body());
        }
        return response;
    }
}
