package io.fairshare.registry.it;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the integration tests do as the authority or a society, through the real HTTP API. */
final class RegistryApi {
    static final String AUTHORITY = "Bearer test-authority-token";

    private RegistryApi() {
    }

    record Society(String id, String bearer) {
    }

    static Society newSociety(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String key = given().header("Authorization", AUTHORITY).contentType("application/json")
                .body(Map.of("id", id, "name", "Society " + id))
                .post("/v1/societies").then().statusCode(201).extract().path("apiKey");
        if (key == null) {
            throw new AssertionError("no apiKey in " + given().header("Authorization", AUTHORITY).contentType("application/json")
                    .body(Map.of("id", id + "x", "name", "Society " + id)).post("/v1/societies").then().extract().asString());
        }
        return new Society(id, "Bearer " + key);
    }

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType("application/json");
    }

    static String uniqueDoi() {
        return "doi:10.5555/test-" + UUID.randomUUID();
    }

    static Map<String, Object> work(String title, String... identifiers) {
        return Map.of("identifiers", List.of(identifiers), "title", title, "category", "book");
    }
}
