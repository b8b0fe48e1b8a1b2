package io.fairshare.registry.it;

import static io.fairshare.registry.it.RegistryApi.AUTHORITY;
import static io.fairshare.registry.it.RegistryApi.as;
import static io.fairshare.registry.it.RegistryApi.newSociety;
import static io.fairshare.registry.it.RegistryApi.uniqueDoi;
import static io.fairshare.registry.it.RegistryApi.work;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class CatalogueApiTest {

    @Test
    void aSocietyRegistersReadsUpdatesAndDeletesItsWork() {
        RegistryApi.Society s = newSociety("crud");
        String doi = uniqueDoi();
        String isbn = "isbn:978-0-306-40615-7";
        as(s.bearer()).body(work("First title", doi)).post("/v1/works").then().statusCode(201)
                .body("key", equalTo(doi)).body("owner", equalTo(s.id())).body("category", equalTo("book"));
        as(s.bearer()).body(work("Again", doi)).post("/v1/works").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://fairshare.io/problems/work-exists"));

        as(s.bearer()).body(work("Second title", doi)).put("/v1/works/" + doi).then().statusCode(200)
                .body("title", equalTo("Second title")).body("identifiers", equalTo(List.of(doi)));
        as(s.bearer()).body(work("Second title", doi, isbn)).put("/v1/works/" + doi).then().statusCode(400)
                .body("errors[0].field", equalTo("identifiers")).body("errors[0].code", equalTo("KEY_CHANGED"));
        as(s.bearer()).get("/v1/works/" + doi).then().statusCode(200).body("title", equalTo("Second title"));

        as(s.bearer()).delete("/v1/works/" + doi).then().statusCode(204);
        as(s.bearer()).get("/v1/works/" + doi).then().statusCode(404).contentType("application/problem+json");
        as(s.bearer()).delete("/v1/works/" + doi).then().statusCode(404);
    }

    @Test
    void badBodiesAreRefusedWithEveryFieldAtFault() {
        RegistryApi.Society s = newSociety("bad");
        as(s.bearer()).body(Map.of("identifiers", List.of("iswc:T-123.456.789-5", "nonsense"), "title", " ",
                        "category", "podcast"))
                .post("/v1/works").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("identifiers[0]", "identifiers[1]", "title", "category")))
                .body("errors.code", equalTo(List.of("ISWC_CHECK_DIGIT", "KEY_FORMAT", "REQUIRED", "CATEGORY_UNKNOWN")));
        as(s.bearer()).body(Map.of("work", uniqueDoi(), "party", "ref:x:1", "right", "TRAINING", "territory", "XX",
                        "basisPoints", 10001, "validFrom", "2025-02-01", "validTo", "2025-01-31"))
                .post("/v1/shares").then().statusCode(400)
                .body("errors.field", equalTo(List.of("territory", "basisPoints")))
                .body("errors.code", equalTo(List.of("TERRITORY_UNKNOWN", "SHARE_RANGE")));
        as(s.bearer()).body(Map.of("work", uniqueDoi(), "party", "ref:x:1", "right", "TRAINING", "territory", "KR",
                        "basisPoints", 5000, "validFrom", "2025-02-01", "validTo", "2025-01-31"))
                .post("/v1/shares").then().statusCode(400)
                .body("errors[0].field", equalTo("validTo")).body("errors[0].code", equalTo("DATE_RANGE"))
                .body("errors[0].message", equalTo("valid_to 2025-01-31 is before valid_from 2025-02-01"));
        as(s.bearer()).body(Map.of("id", "p-1", "name", "Someone", "isni", "0000000121032684"))
                .put("/v1/parties/p-1").then().statusCode(400).body("errors[0].field", equalTo("isni"));
        given().contentType("application/json").body(work("x", uniqueDoi())).post("/v1/works").then().statusCode(401)
                .contentType("application/problem+json");
        as("Bearer fsr_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("/v1/works?title=a")
                .then().statusCode(401);
    }

    @Test
    void aSocietyCannotTouchAnotherSocietysRepertoireNorManageLicencesButTheAuthorityCan() {
        RegistryApi.Society a = newSociety("owner");
        RegistryApi.Society b = newSociety("other");
        String doi = uniqueDoi();
        as(a.bearer()).body(work("A's work", doi)).post("/v1/works").then().statusCode(201);
        Map<String, Object> share = Map.of("work", doi, "party", "ref:a:1", "right", "TRAINING", "territory", "WORLD",
                "basisPoints", 6000);
        as(a.bearer()).body(share).post("/v1/shares").then().statusCode(201).body("owner", equalTo(a.id()));

        as(b.bearer()).body(work("B's attempt", doi)).put("/v1/works/" + doi).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("work|" + doi + " belongs to society " + a.id() + ", not to " + b.id()));
        as(b.bearer()).delete("/v1/works/" + doi).then().statusCode(403);
        as(b.bearer()).body(Map.of("work", doi, "party", "ref:a:1", "right", "TRAINING", "territory", "WORLD",
                "basisPoints", 9000)).post("/v1/shares").then().statusCode(403);
        as(b.bearer()).body(Map.of("work", doi, "party", "ref:b:1", "right", "TRAINING", "territory", "WORLD",
                "basisPoints", 4000)).post("/v1/shares").then().statusCode(403)
                .body("detail", equalTo("work " + doi + " is not in the repertoire of " + b.id()));
        String csv = "work_ref,title,category,identifiers,party_ref,party_name,isni,ipi,society,right_type,territory,"
                + "share_bp,valid_from,valid_to\n"
                + "W1,B's copy,book," + doi + ",P1,\"B, Writer\",,,,TRAINING,WORLD,5000,,\n";
        as(b.bearer()).contentType("text/csv").body(csv).post("/v1/imports/csv").then().statusCode(200)
                .body("accepted", equalTo(1)).body("written", equalTo(1))
                .body("registryRefusals.code", equalTo(List.of("NOT_OWNER", "NOT_OWNER")))
                .body("registryRefusals.entityKey", equalTo(List.of("work|" + doi,
                        "share|" + doi + "|ref:" + b.id() + ":P1|TRAINING|WORLD|")));
        as(b.bearer()).get("/v1/parties/ref:" + b.id() + ":P1").then().statusCode(200).body("owner", equalTo(b.id()));
        as(b.bearer()).get("/v1/works/" + doi).then().statusCode(200).body("title", equalTo("A's work"));
        as(b.bearer()).body(work("B's attempt", "isbn:9781234567897", doi)).post("/v1/works").then().statusCode(409)
                .body("type", equalTo("https://fairshare.io/problems/identifier-taken"));

        Map<String, Object> licence = Map.of("platform", "plat-" + a.id(), "licensor", a.id(), "validFrom", "2025-01-01",
                "tariff", "T-1");
        as(a.bearer()).body(licence).post("/v1/licences").then().statusCode(403)
                .body("detail", equalTo("only the registry authority manages licence entries"));
        as(a.bearer()).body(Map.of("work", doi, "source", "TDMREP")).post("/v1/reservations").then().statusCode(403);
        as(a.bearer()).body(Map.of("id", "X-" + a.id(), "name", "x")).post("/v1/societies").then().statusCode(403);

        as(AUTHORITY).body(licence).post("/v1/licences").then().statusCode(201).body("tariff", equalTo("T-1"))
                .body("owner", nullValue());
        as(AUTHORITY).body(work("Corrected by the authority", doi)).put("/v1/works/" + doi).then().statusCode(200)
                .body("owner", equalTo(a.id()));
        as(AUTHORITY).get("/v1/licences?platform=plat-" + a.id()).then().statusCode(200).body("items.size()", equalTo(1));
        as(a.bearer()).get("/v1/works/" + doi + "/resolution?platform=plat-" + a.id() + "&territory=KR&date=2025-06-01")
                .then().statusCode(200).body("matched", equalTo(true)).body("rightType", equalTo("TRAINING"))
                .body("shareTerritory", equalTo("WORLD"))
                .body("lines.party", equalTo(java.util.Arrays.asList("ref:a:1", null)))
                .body("lines.basisPoints", equalTo(List.of(6000, 4000)))
                .body("lines.status", equalTo(List.of("UNLICENSED", "UNCLAIMED")));
        as(a.bearer()).get("/v1/works/" + doi + "/resolution?platform=p&date=2025-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        as(AUTHORITY).delete("/v1/licences?platform=plat-" + a.id() + "&licensor=" + a.id() + "&validFrom=2025-01-01")
                .then().statusCode(204);
        as(AUTHORITY).get("/v1/licences?platform=plat-" + a.id()).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void everyChangeIsAuditedWithWhoAndBeforeAndAfter() {
        RegistryApi.Society s = newSociety("audit");
        String doi = uniqueDoi();
        as(s.bearer()).body(work("v1", doi)).post("/v1/works").then().statusCode(201);
        as(s.bearer()).body(work("v1", doi)).put("/v1/works/" + doi).then().statusCode(200);
        as(AUTHORITY).body(work("v2", doi)).put("/v1/works/" + doi).then().statusCode(200);
        as(s.bearer()).delete("/v1/works/" + doi).then().statusCode(204);

        as(s.bearer()).queryParam("entityKey", "work|" + doi).get("/v1/audit").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("actor", equalTo(List.of(s.id(), "operator", s.id())))
                .body("actorRole", equalTo(List.of("society", "operator", "society")))
                .body("action", equalTo(List.of("CREATE", "UPDATE", "DELETE")))
                .body("[0].before", nullValue()).body("[0].after.title", equalTo("v1"))
                .body("[1].before.title", equalTo("v1")).body("[1].after.title", equalTo("v2"))
                .body("[2].before.title", equalTo("v2")).body("[2].after", nullValue());
    }

    @Test
    void lookupsNormaliseIdentifiersAsTheContractsDo() {
        RegistryApi.Society s = newSociety("ids");
        String url = "https://news.example.kr/" + s.id() + "/story";
        as(AUTHORITY).delete("/v1/works/iswc:T1234567894");
        as(s.bearer()).body(Map.of("identifiers", List.of("iswc:T1234567894", "url:" + url), "title", "Arirang",
                "category", "music")).post("/v1/works").then().statusCode(201).body("key", equalTo("iswc:T1234567894"));

        as(s.bearer()).queryParam("identifier", "iswc:T-123.456.789-4").get("/v1/works").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].key", equalTo("iswc:T1234567894"));
        as(s.bearer()).queryParam("identifier", "url:HTTPS://News.Example.kr/" + s.id() + "/story?utm_source=x&utm_medium=y")
                .get("/v1/works").then().statusCode(200).body("items[0].key", equalTo("iswc:T1234567894"));
        as(s.bearer()).get("/v1/works/iswc:T-123.456.789-4").then().statusCode(200).body("title", equalTo("Arirang"));
        as(s.bearer()).queryParam("title", "arir").get("/v1/works").then().statusCode(200)
                .body("items.key", equalTo(List.of("iswc:T1234567894")));
        as(s.bearer()).queryParam("identifier", "iswc:T-123.456.789-5").get("/v1/works").then().statusCode(400)
                .body("errors[0].field", equalTo("identifier"));
        as(AUTHORITY).delete("/v1/works/iswc:T1234567894").then().statusCode(204);
        assertEquals(0, as(s.bearer()).queryParam("identifier", "iswc:T1234567894").get("/v1/works").then()
                .statusCode(200).extract().jsonPath().getList("items").size());
    }
}
