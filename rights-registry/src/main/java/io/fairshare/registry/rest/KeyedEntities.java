package io.fairshare.registry.rest;

import io.fairshare.service.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.registry.application.CatalogueJson;
import io.fairshare.registry.application.CatalogueQueries;
import io.fairshare.registry.application.CatalogueService;
import io.fairshare.registry.application.EntityKind;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.service.rest.ApiProblem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared shape of shares, mandates, reservations and licences: {@code POST} creates or replaces one (by its
 * natural key, from the body), {@code DELETE} with the key fields as query parameters removes it.
 */
final class KeyedEntities {
    private KeyedEntities() {
    }

    static <T> Response upsert(CatalogueService catalogue, CatalogueQueries queries, Caller caller, EntityKind kind,
                               JsonNode body, Rest.Reader<T> reader, Function<T, CatalogueChange> change) {
        T value = Rest.body(body, reader);
        CatalogueChange c = change.apply(value);
        boolean existed = queries.byKey(kind, c.entityKey()).isPresent();
        catalogue.write(caller, List.of(c));
        ObjectNode stored = queries.byKey(kind, c.entityKey()).orElseThrow();
        return Response.status(existed ? 200 : 201).entity(Rest.json(stored)).build();
    }

    static <K> Response delete(CatalogueService catalogue, CatalogueQueries queries, Caller caller, EntityKind kind,
                               Map<String, String> params, Rest.Reader<K> reader, Function<K, CatalogueChange> change) {
        ObjectNode n = CatalogueJson.MAPPER.createObjectNode();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                n.put(k, v);
            }
        });
        K key = Rest.body(n, reader);
        CatalogueChange c = change.apply(key);
        if (queries.byKey(kind, c.entityKey()).isEmpty()) {
            throw ApiProblem.notFound(c.entityKey() + " does not exist");
        }
        catalogue.write(caller, List.of(c));
        return Response.noContent().build();
    }
}
