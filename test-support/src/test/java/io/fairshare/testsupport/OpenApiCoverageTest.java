package io.fairshare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.testsupport.OpenApiCoverage.Endpoint;
import io.fairshare.testsupport.fixture.ThingsResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiCoverageTest {
    private static final String PROBLEM = """
            {"description": "x", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";
    private static final String ERRORS = """
            "400": {"$ref": "#/components/responses/BadRequest"}, "401": %s, "403": %s, "503": %s""".formatted(PROBLEM, PROBLEM, PROBLEM);

    private static JsonNode document(String paths) {
        return OpenApiCoverage.parse("""
                {"openapi": "3.1.0", "security": [{"bearer": []}], "paths": {%s},
                 "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                   "responses": {"BadRequest": %s},
                   "schemas": {"Problem": {"type": "object", "properties": {"type": {}, "title": {}, "status": {}, "detail": {}, "errors": {}}}}}}"""
                .formatted(paths, PROBLEM));
    }

    private static String op(String success) {
        return "{\"responses\": {" + success + ", " + ERRORS + "}}";
    }

    private static final String OK_JSON = "\"200\": {\"content\": {\"application/json\": {\"schema\": {\"type\": \"string\"}}}}";

    @Test
    void theResourceMethodsAreFoundByReflectionWithBarePathParameters() {
        assertEquals(Set.of(new Endpoint("GET", "/v1/things"), new Endpoint("PUT", "/v1/things/{id}"), new Endpoint("DELETE", "/v1/things/{id}")),
                OpenApiCoverage.jaxRsEndpoints(ThingsResource.class, "io.fairshare.testsupport.fixture"));
    }

    @Test
    void aDocumentWithEveryOperationPasses() {
        JsonNode doc = document("\"/v1/things\": {\"get\": " + op(OK_JSON) + "}, \"/v1/things/{id}\": {\"put\": " + op(OK_JSON)
                + ", \"delete\": " + op("\"204\": {\"description\": \"gone\"}") + "}");
        OpenApiCoverage.assertEveryEndpointDocumented(doc, ThingsResource.class, "io.fairshare.testsupport.fixture");
        OpenApiCoverage.assertErrorsAreProblems(doc);
        OpenApiCoverage.assertSuccessBodiesHaveSchemas(doc, Set.of("DELETE /v1/things/{id}"));
    }

    @Test
    void anOperationMissingFromTheDocumentIsNamed() {
        JsonNode doc = document("\"/v1/things\": {\"get\": " + op(OK_JSON) + "}, \"/v1/things/{id}\": {\"put\": " + op(OK_JSON) + "}");
        AssertionError e = assertThrows(AssertionError.class,
                () -> OpenApiCoverage.assertEveryEndpointDocumented(doc, ThingsResource.class, "io.fairshare.testsupport.fixture"));
        assertTrue(e.getMessage().contains("missing from the document: [DELETE /v1/things/{id}]"), e.getMessage());
    }

    @Test
    void anErrorResponseThatIsNotAProblemIsNamed() {
        JsonNode doc = document("\"/v1/things\": {\"get\": {\"responses\": {" + OK_JSON + ", " + ERRORS
                + ", \"404\": {\"content\": {\"application/json\": {\"schema\": {\"type\": \"string\"}}}}}}}");
        AssertionError e = assertThrows(AssertionError.class, () -> OpenApiCoverage.assertErrorsAreProblems(doc));
        assertTrue(e.getMessage().startsWith("GET /v1/things 404 is not application/problem+json"), e.getMessage());
    }

    @Test
    void anOperationWithoutTheUsualErrorsOrABodySchemaIsNamed() {
        JsonNode doc = document("\"/v1/things\": {\"get\": {\"responses\": {\"200\": {\"description\": \"OK\"}}}}");
        AssertionError errors = assertThrows(AssertionError.class, () -> OpenApiCoverage.assertErrorsAreProblems(doc));
        assertTrue(errors.getMessage().contains("GET /v1/things has no 401 response"), errors.getMessage());
        AssertionError bodies = assertThrows(AssertionError.class, () -> OpenApiCoverage.assertSuccessBodiesHaveSchemas(doc, Set.of()));
        assertTrue(bodies.getMessage().startsWith("GET /v1/things has no success response with a body schema"), bodies.getMessage());
    }
}
