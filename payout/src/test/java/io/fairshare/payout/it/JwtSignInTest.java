package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.payout.it.PayoutRolesTest.as;
import static io.fairshare.payout.it.PayoutRolesTest.bank;
import static io.fairshare.testsupport.RoleAssertions.forbidden;
import static io.fairshare.testsupport.RoleAssertions.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With smallrye-jwt turned on ({@link JwtSignInProfile}), a person signs in with a JWT from the
 * organisation's IdP: its operator group makes it the operator, audited under its subject; other
 * groups give no role (403); a token of another key, expired or of another issuer is 401; the
 * operator token and API keys keep working beside it.
 */
@QuarkusTest
@TestProfile(JwtSignInProfile.class)
@WithTestResource(FairshareTestResources.class)
class JwtSignInTest {
    static final String AUDITOR_KEY = PayoutRolesTest.AUDITOR;

    @Test
    void aPersonInTheOperatorGroupChangesBankDetailsAndIsAuditedUnderTheirNameClaimOrSubject() {
        String payee = id("p-jwt");
        String alice = IdpKeys.token("alice@clearing-house.example", "fairshare-operator", "staff");
        // named by the configured claim (preferred_username) when the token has it
        String dave = IdpKeys.claims("0b1c5e7a-subject-of-dave", "fairshare-operator").preferredUserName("dave").sign(IdpKeys.signingKey());
        as(alice).contentType("application/json").body(bank("Payee Jwt")).put("/v1/payees/{id}/bank-details", payee).then().statusCode(200);
        as(dave).contentType("application/json").body(bank("Payee Dave")).put("/v1/payees/{id}/bank-details", payee).then().statusCode(200);
        operator().contentType("application/json").body(bank("Payee Token")).put("/v1/payees/{id}/bank-details", payee).then().statusCode(200);
        as(AUDITOR_KEY).queryParam("subject", "payee/" + payee).get("/v1/admin-audit").then().statusCode(200)
                .body("action", equalTo(List.of("REGISTER_BANK_DETAILS", "REGISTER_BANK_DETAILS", "REGISTER_BANK_DETAILS")))
                .body("actorName", equalTo(List.of("alice@clearing-house.example", "dave", "operator")))
                .body("actorRole", equalTo(List.of("operator", "operator", "operator")))
                .body("[0].detail", equalTo("holder Payee Jwt, KR, account 110-123-456789"))
                .body("[1].detail", equalTo("holder Payee Dave, KR, account 110-123-456789"));
    }

    @Test
    void theAuditorGroupReadsAndChangesNothing() {
        String bob = IdpKeys.token("bob@clearing-house.example", "fairshare-auditor");
        as(bob).get("/v1/ledger/trial-balance").then().statusCode(200);
        forbidden(as(bob).contentType("application/json").body(bank("X")).put("/v1/payees/{id}/bank-details", id("p-jwt-aud")).then());
    }

    @Test
    void aTokenWithoutAFairshareGroupIsForbiddenWhateverItsOtherGroupsAreCalled() {
        // the IdP's group names are not Fairshare roles: a group called "operator" or "platform" gives nothing
        for (String[] groups : List.of(new String[] {"staff"}, new String[] {"operator", "platform", "auditor"}, new String[] {})) {
            String token = IdpKeys.token("carol@clearing-house.example", groups);
            forbidden(as(token).get("/v1/ledger/trial-balance").then());
            forbidden(as(token).contentType("application/json").body(bank("X")).put("/v1/payees/{id}/bank-details", id("p-jwt-none")).then());
        }
    }

    @Test
    void aTokenOfAnotherKeyExpiredOrOfAnotherIssuerIsUnauthenticated() {
        String otherKey = IdpKeys.claims("mallory", "fairshare-operator").sign(IdpKeys.newPair().getPrivate());
        Instant past = Instant.now().minusSeconds(7200);
        String expired = IdpKeys.claims("alice@clearing-house.example", "fairshare-operator")
                .issuedAt(past).expiresAt(past.plusSeconds(300)).sign(IdpKeys.signingKey());
        String otherIssuer = IdpKeys.claims("alice@clearing-house.example", "fairshare-operator")
                .issuer("https://idp.elsewhere.example").sign(IdpKeys.signingKey());
        String unsigned = IdpKeys.token("alice@clearing-house.example", "fairshare-operator");
        unsigned = unsigned.substring(0, unsigned.lastIndexOf('.') + 1);
        for (String token : List.of(otherKey, expired, otherIssuer, unsigned)) {
            unauthenticated(as(token).get("/v1/ledger/trial-balance").then());
            unauthenticated(as(token).contentType("application/json").body(bank("X")).put("/v1/payees/{id}/bank-details", id("p-jwt-bad")).then());
        }
    }

    @Test
    void theOperatorTokenAndApiKeysKeepWorkingBesideJwtSignIn() {
        operator().get("/v1/ledger/trial-balance").then().statusCode(200);
        as(AUDITOR_KEY).get("/v1/reconciliation").then().statusCode(200);
        forbidden(as(PayoutRolesTest.PARTY).get("/v1/ledger/trial-balance").then());
        unauthenticated(as("not-a-key").get("/v1/ledger/trial-balance").then());
        unauthenticated(given().get("/v1/ledger/trial-balance").then());
    }
}
