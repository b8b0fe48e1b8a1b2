package io.fairshare.registry.it;

import static io.fairshare.registry.it.RegistryApi.AUTHORITY;
import static io.fairshare.registry.it.RegistryApi.as;
import static io.fairshare.registry.it.RegistryApi.newSociety;
import static io.fairshare.registry.it.RegistryApi.uniqueDoi;
import static io.fairshare.registry.it.RegistryApi.work;
import static io.fairshare.testsupport.RoleAssertions.forbidden;
import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in the registry, per role and endpoint group: the authority (operator role) and
 * societies write (each society its own repertoire), auditors read everything and change nothing, a
 * party reads its own record; 403 problem+json for a role that may not, 401 problem+json with a
 * Bearer challenge without a valid key; the audit names actor and role; authority token rotation.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class RegistryRolesTest {
    static final String AUDITOR = "Bearer test-auditor-key";
    static final String PARTY = "Bearer party-roles-key";
    static final String NEXT_AUTHORITY = "Bearer test-next-operator-token";
    static final String PARTY_ID = "ref:roles:P1";



    @Test
    void catalogueWritesAreForTheAuthorityAndSocietiesAndReadsForAuditorsToo() {
        RegistryApi.Society s = newSociety("roles");
        String doi = uniqueDoi();
        as(s.bearer()).body(work("Roles", doi)).post("/v1/works").then().statusCode(201);
        as(AUTHORITY).body(work("Roles by the authority", uniqueDoi())).post("/v1/works").then().statusCode(201);
        forbidden(as(AUDITOR).body(work("x", uniqueDoi())).post("/v1/works").then());
        forbidden(as(PARTY).body(work("x", uniqueDoi())).post("/v1/works").then());
        forbidden(as(AUDITOR).body(work("x", doi)).put("/v1/works/" + doi).then());
        forbidden(as(AUDITOR).delete("/v1/works/" + doi).then());
        unauthenticated(given().contentType("application/json").body(work("x", uniqueDoi())).post("/v1/works").then());

        for (String k : List.of(AUTHORITY, s.bearer(), AUDITOR)) {
            as(k).get("/v1/works/" + doi).then().statusCode(200).body("title", equalTo("Roles"));
            as(k).queryParam("entityKey", "work|" + doi).get("/v1/audit").then().statusCode(200).body("size()", equalTo(1));
        }
        forbidden(as(PARTY).get("/v1/works/" + doi).then());
        forbidden(as(PARTY).queryParam("entityKey", "work|" + doi).get("/v1/audit").then());
        unauthenticated(given().get("/v1/works/" + doi).then());
        unauthenticated(as("Bearer not-a-key").get("/v1/works/" + doi).then());
    }

    @Test
    void societiesAreCreatedByTheAuthorityAlone() {
        RegistryApi.Society s = newSociety("roles-soc");
        for (String k : List.of(s.bearer(), AUDITOR, PARTY)) {
            forbidden(as(k).body(Map.of("id", "x-" + s.id(), "name", "x")).post("/v1/societies").then());
        }
        unauthenticated(given().contentType("application/json").body(Map.of("id", "x-" + s.id(), "name", "x")).post("/v1/societies").then());
        as(NEXT_AUTHORITY).body(Map.of("id", "n-" + s.id(), "name", "By the next token")).post("/v1/societies").then().statusCode(201);
        as(AUDITOR).get("/v1/societies/" + s.id()).then().statusCode(200);
        forbidden(as(PARTY).get("/v1/societies/" + s.id()).then());
    }

    @Test
    void importsAreForTheAuthorityAndSocietiesOnly() {
        String csv = "work_ref,title,category,identifiers,party_ref,party_name,isni,ipi,society,right_type,territory,"
                + "share_bp,valid_from,valid_to\n";
        forbidden(as(AUDITOR).contentType("text/csv").body(csv).post("/v1/imports/csv").then());
        forbidden(as(PARTY).contentType("text/csv").body(csv).post("/v1/imports/csv").then());
        unauthenticated(given().contentType("text/csv").body(csv).post("/v1/imports/csv").then());
    }

    @Test
    void aPartyReadsItsOwnRecordOnly() {
        as(AUTHORITY).body(Map.of("id", PARTY_ID, "name", "Roles Party")).put("/v1/parties/" + PARTY_ID).then().statusCode(200);
        RegistryApi.Society s = newSociety("roles-party");
        String other = "ref:" + s.id() + ":P9";
        as(s.bearer()).body(Map.of("id", other, "name", "Someone else")).put("/v1/parties/" + other).then().statusCode(200);
        as(PARTY).get("/v1/parties/" + PARTY_ID).then().statusCode(200).body("name", equalTo("Roles Party"));
        forbidden(as(PARTY).get("/v1/parties/" + other).then());
        forbidden(as(PARTY).body(Map.of("id", PARTY_ID, "name", "Renamed")).put("/v1/parties/" + PARTY_ID).then());
        as(AUDITOR).get("/v1/parties/" + other).then().statusCode(200);
        forbidden(as(AUDITOR).delete("/v1/parties/" + other).then());
        unauthenticated(given().get("/v1/parties/" + PARTY_ID).then());
    }

    @Test
    void theAuditNamesTheActorAndTheRoleItActedIn() {
        String doi = uniqueDoi();
        as(NEXT_AUTHORITY).body(work("By the authority", doi)).post("/v1/works").then().statusCode(201);
        as(AUDITOR).queryParam("entityKey", "work|" + doi).get("/v1/audit").then().statusCode(200)
                .body("actor", equalTo(List.of("operator"))).body("actorRole", equalTo(List.of("operator")));
        unauthenticated(as("Bearer 0b6d38812686bb05e884d5d56f7396225d190f4a827d29362c82743a2182e98a").get("/v1/works/" + doi).then());
    }
}
