package io.fairshare.service.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every Fairshare API document shares, so that the resources need few annotations: the RFC 9457
 * {@code Problem} schema, the error responses as {@code application/problem+json} (components
 * {@code BadRequest}, {@code Unauthorized}, {@code Forbidden}, {@code NotFound}, {@code Conflict},
 * {@code TooManyRequests}, {@code Unavailable}), and the bearer security scheme required by every
 * operation. Each operation gets 400, 401, 403 and 503; 404 when its path has a parameter; 409 when it
 * writes. A resource declares any other (429 where it rate-limits) with
 * {@code @APIResponse(responseCode = "429", ref = ProblemOpenApiFilter.TOO_MANY_REQUESTS)}. A response
 * the resource declared itself is left as it is.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String BEARER = "bearer";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String UNAVAILABLE = "Unavailable";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Authorization: Bearer <key>: a platform, society or operator key"));
        errorResponses().forEach(components::addResponse);
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                addErrorResponses(path, method, operation)));
    }

    private static void addErrorResponses(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        addIfAbsent(responses, "400", BAD_REQUEST);
        addIfAbsent(responses, "401", UNAUTHORIZED);
        addIfAbsent(responses, "403", FORBIDDEN);
        if (path.contains("{")) {
            addIfAbsent(responses, "404", NOT_FOUND);
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            addIfAbsent(responses, "409", CONFLICT);
        }
        addIfAbsent(responses, "503", UNAVAILABLE);
        // an error response without a body (such as the 400 the scanner infers) is a problem too
        new LinkedHashMap<>(responses.getAPIResponses()).forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null && response.getContent() == null) {
                String component = BY_STATUS.get(code);
                responses.addAPIResponse(code, component != null ? OASFactory.createAPIResponse().ref(component)
                        : problem(response.getDescription() != null ? response.getDescription() : "Error"));
            }
        });
    }

    private static final Map<String, String> BY_STATUS = Map.of("400", BAD_REQUEST, "401", UNAUTHORIZED, "403", FORBIDDEN,
            "404", NOT_FOUND, "409", CONFLICT, "429", TOO_MANY_REQUESTS, "503", UNAVAILABLE);

    private static void addIfAbsent(APIResponses responses, String code, String component) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(component));
        }
    }

    /** The component responses, each an application/problem+json body of the Problem schema. */
    static Map<String, APIResponse> errorResponses() {
        Map<String, APIResponse> r = new LinkedHashMap<>();
        r.put(BAD_REQUEST, problem("Invalid request: the problem's errors name every field at fault"));
        r.put(UNAUTHORIZED, problem("Missing or invalid credentials").addHeader("WWW-Authenticate", header("Bearer realm=\"fairshare\"")));
        r.put(FORBIDDEN, problem("The caller may not do this"));
        r.put(NOT_FOUND, problem("No such resource (or not the caller's)"));
        r.put(CONFLICT, problem("Conflicts with the stored state"));
        r.put(TOO_MANY_REQUESTS, problem("Rate limit exceeded").addHeader("Retry-After", header("seconds to wait")));
        r.put(UNAVAILABLE, problem("A database or broker is unavailable; nothing unstored was reported done: retry later")
                .addHeader("Retry-After", header("seconds to wait")));
        return r;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /** {@link Problem}: RFC 9457 problem details with Fairshare's field-level {@code errors}. */
    static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string("A URI under " + Problem.TYPE_BASE + " naming the problem").format("uri"))
                .addProperty("title", string("A short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What went wrong in this request, and what to do"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Field-level reasons, each with the field's path, a stable code and a message")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", string("The field's path, e.g. events[3].units"))
                                .addProperty("code", string("A stable reason code"))
                                .addProperty("message", string("A message a platform engineer can act on"))));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
