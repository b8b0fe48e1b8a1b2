package io.fairshare.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a service's generated OpenAPI document (JSON, {@code /q/openapi?format=json}) against the
 * service itself: the JAX-RS endpoints are found by reflection over the {@code @Path} classes of the
 * service's package, not from a hand-kept list, so an endpoint added without appearing in the
 * document fails the test. Annotations are matched by name, so this module needs no JAX-RS dependency.
 */
public final class OpenApiCoverage {
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: an HTTP method and a path template with bare parameters ({@code /v1/works/{key}}). */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int c = path.compareTo(o.path);
            return c != 0 ? c : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiCoverage() {
    }

    public static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every resource method of the {@code @Path} classes in {@code basePackage} (and below), found in
     * the classes directory or jar that holds {@code anchor}, loaded by {@code anchor}'s class loader.
     */
    public static Set<Endpoint> jaxRsEndpoints(Class<?> anchor, String basePackage) {
        Set<Endpoint> out = new TreeSet<>();
        for (Class<?> type : classesOf(anchor, basePackage)) {
            String base = pathOf(type.getAnnotations());
            if (base == null) {
                continue;
            }
            // Resource methods may be inherited (service-support's AdminAuditResource).
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isSynthetic()) {
                        continue;
                    }
                    String httpMethod = httpMethodOf(m.getAnnotations());
                    if (httpMethod != null) {
                        String sub = pathOf(m.getAnnotations());
                        out.add(new Endpoint(httpMethod, normalise(base + "/" + (sub == null ? "" : sub))));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new AssertionError("no JAX-RS resource method found under " + basePackage + " (from " + anchor + ")");
        }
        return out;
    }

    /** The operations of an OpenAPI document. */
    public static Set<Endpoint> documented(JsonNode document) {
        Set<Endpoint> out = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                out.add(new Endpoint(method.toUpperCase(Locale.ROOT), normalise(p.getKey())));
            }
        }));
        return out;
    }

    /**
     * A running service's whole check: its document at {@code /q/openapi?format=json} has {@code title}
     * and passes {@link #assertDocumentsTheService}, and Swagger UI answers 200 at {@code /q/swagger-ui/}.
     */
    public static void assertServiceDocumented(URL base, String title, Class<?> anchor, String basePackage, Set<String> withoutBody) {
        JsonNode document = parse(get(base, "q/openapi?format=json"));
        if (!title.equals(document.at("/info/title").asText())) {
            throw new AssertionError("info.title is " + document.at("/info/title") + ", not " + title);
        }
        assertDocumentsTheService(document, anchor, basePackage, withoutBody);
        if (!get(base, "q/swagger-ui/").contains("swagger-ui")) {
            throw new AssertionError("/q/swagger-ui/ is not Swagger UI");
        }
    }

    /** The body of a 200 answer to GET {@code base + path}. */
    private static String get(URL base, String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The three checks at once: every resource method under {@code basePackage} is in the document,
     * errors are problems, and success bodies have schemas (but those named in {@code withoutBody}).
     */
    public static void assertDocumentsTheService(JsonNode document, Class<?> anchor, String basePackage, Set<String> withoutBody) {
        assertEveryEndpointDocumented(document, anchor, basePackage);
        assertErrorsAreProblems(document);
        assertSuccessBodiesHaveSchemas(document, withoutBody);
    }

    /** Fails naming every resource method of the service that the document lacks (and any it invents). */
    public static void assertEveryEndpointDocumented(JsonNode document, Class<?> anchor, String basePackage) {
        Set<Endpoint> code = jaxRsEndpoints(anchor, basePackage);
        Set<Endpoint> doc = documented(document);
        Set<Endpoint> missing = new TreeSet<>(code);
        missing.removeAll(doc);
        Set<Endpoint> unknown = new TreeSet<>(doc);
        unknown.removeAll(code);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new AssertionError("the OpenAPI document and the resources differ; missing from the document: " + missing
                    + "; in the document but not a resource method: " + unknown);
        }
    }

    /**
     * Fails unless every operation has 400, 401, 403 and 503 responses, every 4xx/5xx response (after
     * its {@code $ref}) is {@code application/problem+json} of the shared Problem schema, the Problem
     * schema and the bearer scheme are components, and the document requires the bearer scheme.
     */
    public static void assertErrorsAreProblems(JsonNode document) {
        List<String> faults = new ArrayList<>();
        JsonNode problem = document.at("/components/schemas/Problem");
        for (String field : List.of("type", "title", "status", "detail", "errors")) {
            if (problem.at("/properties/" + field).isMissingNode()) {
                faults.add("components.schemas.Problem has no property " + field);
            }
        }
        if (!"bearer".equals(document.at("/components/securitySchemes/bearer/scheme").asText())) {
            faults.add("no bearer security scheme in components.securitySchemes");
        }
        if (!document.path("security").toString().contains("\"bearer\"")) {
            faults.add("the document does not require the bearer scheme");
        }
        forEachOperation(document, (endpoint, operation) -> {
            JsonNode responses = operation.path("responses");
            for (String code : List.of("400", "401", "403", "503")) {
                if (!responses.has(code)) {
                    faults.add(endpoint + " has no " + code + " response");
                }
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode response = resolve(document, r.getValue());
                    String ref = response.at("/content/application~1problem+json/schema/$ref").asText();
                    if (!PROBLEM_REF.equals(ref)) {
                        faults.add(endpoint + " " + r.getKey() + " is not application/problem+json of " + PROBLEM_REF + ": " + response);
                    }
                }
            });
        });
        if (!faults.isEmpty()) {
            throw new AssertionError(String.join("\n", faults));
        }
    }

    /**
     * Fails naming every operation whose success response has no body schema (a 204 needs none), except
     * those in {@code withoutBody} (e.g. {@code "POST /v1/x/{id}/ping"}).
     */
    public static void assertSuccessBodiesHaveSchemas(JsonNode document, Set<String> withoutBody) {
        List<String> faults = new ArrayList<>();
        forEachOperation(document, (endpoint, operation) -> {
            if (withoutBody.contains(endpoint.toString())) {
                return;
            }
            boolean schema = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                schema |= r.getKey().equals("204"); // No Content: no body to describe
                if (r.getKey().startsWith("2")) {
                    for (JsonNode media : resolve(document, r.getValue()).path("content")) {
                        JsonNode s = media.path("schema");
                        schema |= s.has("$ref") || s.has("type") || s.has("items") || s.has("oneOf");
                    }
                }
            }
            if (!schema) {
                faults.add(endpoint + " has no success response with a body schema: " + operation.path("responses"));
            }
        });
        if (!faults.isEmpty()) {
            throw new AssertionError(String.join("\n", faults));
        }
    }

    private interface OperationVisitor {
        void visit(Endpoint endpoint, JsonNode operation);
    }

    private static void forEachOperation(JsonNode document, OperationVisitor visitor) {
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(o -> {
            if (o.getValue().has("responses")) {
                visitor.visit(new Endpoint(o.getKey().toUpperCase(Locale.ROOT), p.getKey()), o.getValue());
            }
        }));
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    /** {@code /v1//works/{key: .+}/} to {@code /v1/works/{key}}. */
    static String normalise(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String pathOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(PATH)) {
                return (String) value(a);
            }
        }
        return null;
    }

    private static String httpMethodOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            for (Annotation meta : a.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    return (String) value(meta);
                }
            }
        }
        return null;
    }

    private static Object value(Annotation a) {
        try {
            return a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> classesOf(Class<?> anchor, String basePackage) {
        Path root = classesRoot(anchor);
        Path dir = root.resolve(basePackage.replace('.', '/'));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                out.add(Class.forName(name.substring(0, name.length() - ".class".length()), false, anchor.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Path classesRoot(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            try {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isDirectory(p)) {
                    return p;
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path fallback = Path.of("target", "classes"); // the module's build output, where surefire runs
        if (!Files.isDirectory(fallback)) {
            throw new IllegalStateException("cannot find the classes of " + anchor + " (code source " + source + ")");
        }
        return fallback;
    }
}
