package io.fairshare.payout.it;

import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** In the default configuration JWT sign-in is off: even a well-signed operator JWT is an unknown bearer token. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class JwtOffByDefaultTest {
    @Test
    void aSignedOperatorJwtIsNotAKeyByDefault() {
        String alice = IdpKeys.token("alice@clearing-house.example", "fairshare-operator");
        unauthenticated(given().header("Authorization", "Bearer " + alice).get("/v1/ledger/trial-balance").then());
    }
}
