package io.fairshare.registry.rest;

import io.fairshare.contracts.errors.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.service.rest.ApiProblem;
import java.util.List;
import java.util.function.BiFunction;

/** Small helpers shared by the resources: body validation, identifiers in paths and queries, paging. */
final class Rest {
    private Rest() {
    }

    interface Reader<T> {
        T read(JsonNode n, CatalogueJson.Errors e, String prefix);
    }

    /** The domain value of a body, or 400 with every field error. */
    static <T> T body(JsonNode body, Reader<T> reader) {
        CatalogueJson.Errors e = CatalogueJson.Errors.collecting();
        T v = reader.read(body, e, "");
        if (!e.isEmpty() || v == null) {
            List<FieldError> errors = e.isEmpty() ? List.of(new FieldError("$", "FORMAT", "a JSON object is expected")) : e.list();
            throw ApiProblem.invalid("the request body is not valid", errors);
        }
        return v;
    }

    /** A scheme:value identifier (any accepted spelling) in canonical form, or 400 naming {@code field}. */
    static WorkId identifier(String field, String raw) {
        IdResult r = Identifiers.parseKey(raw);
        if (!r.isOk()) {
            throw ApiProblem.invalid("invalid identifier", List.of(new FieldError(field, r.errorCode(), r.message())));
        }
        return r.id();
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field + " is required", List.of(new FieldError(field, "REQUIRED", field + " is required")));
        }
        return value.trim();
    }

    static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > CatalogueQueries.MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("invalid paging", List.of(new FieldError(page < 0 ? "page" : "size", "PAGING",
                    "page must be >= 0 and size 1.." + CatalogueQueries.MAX_PAGE_SIZE)));
        }
    }

    static ObjectNode page(CatalogueQueries.Page p) {
        ObjectNode n = CatalogueJson.MAPPER.createObjectNode();
        n.put("page", p.page());
        n.put("size", p.size());
        p.items().forEach(n.putArray("items")::add);
        return n;
    }

    /** A JSON body as text: JSON trees are written by Jackson here, not by the REST layer's bean serialisers. */
    static String json(JsonNode n) {
        return n.toString();
    }

    static jakarta.ws.rs.core.Response ok(JsonNode n) {
        return jakarta.ws.rs.core.Response.ok(n.toString(), jakarta.ws.rs.core.MediaType.APPLICATION_JSON).build();
    }

    /** Query parameters by name (null values allowed). */
    static java.util.Map<String, String> params(String... nameValue) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    static BiFunction<String, String, ApiProblem> invalidParam() {
        return (field, message) -> ApiProblem.invalid(message, List.of(new FieldError(field, "INVALID", message)));
    }
}
