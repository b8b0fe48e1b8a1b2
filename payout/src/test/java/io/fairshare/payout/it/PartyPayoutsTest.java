package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.assertBooksSound;
import static io.fairshare.payout.it.PayoutApi.count;
import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.issue;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.payout.it.PayoutApi.publishAndAwait;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.Topics;
import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.service.credentials.CredentialJson;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.fairshare.testsupport.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Payout learns the registry's issued credentials from fairshare.credentials.v1, and a party reads its own payouts
 * with its key: another party's, or one that does not exist, is the same 404; an auditor reads within its scope,
 * audit-logged; a revoked key is refused.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class PartyPayoutsTest {
    static final String PERIOD = "2031-07";

    @Inject
    AgroalDataSource db;

    @AfterEach
    void theBooksStaySound() throws Exception {
        assertBooksSound(db);
    }

    static CredentialV1 credential(BearerKeys.NewKey k, String role, String subject, List<String> platforms, List<String> periods) {
        return new CredentialV1(k.keyId(), role, subject, "operator", null, platforms, periods, HexFormat.of().formatHex(k.secretHash()),
                Instant.now().minusSeconds(60), role.equals(CredentialV1.AUDITOR) ? Instant.now().plusSeconds(86_400) : null, false, 1);
    }

    static void publish(CredentialV1... credentials) throws Exception {
        TopicWriter.send(Arrays.stream(credentials)
                .map(c -> new ProducerRecord<>(Topics.CREDENTIALS, c.keyId(), CredentialJson.write(c))).toList());
    }

    static int status(String token, String partyId) {
        return given().header("Authorization", "Bearer " + token).get("/v1/parties/{id}/payouts", partyId).then().extract().statusCode();
    }

    @Test
    void aPartyReadsItsOwnPayoutsWithAKeyLearntFromTheTopicAndNeverAnothers() throws Exception {
        String party = id("P-CRED");
        String other = id("P-CRED-OTHER");
        String platform = id("plat-cred");
        Map<String, Long> owed = new LinkedHashMap<>();
        owed.put(party, 1000L);
        owed.put(other, 400L);
        publishAndAwait(db, issue(PERIOD, platform, owed));

        BearerKeys.NewKey mine = BearerKeys.PARTY.generate();
        BearerKeys.NewKey theirs = BearerKeys.PARTY.generate();
        BearerKeys.NewKey auditor = BearerKeys.AUDITOR.generate();
        BearerKeys.NewKey elsewhere = BearerKeys.AUDITOR.generate();
        CredentialV1 myKey = credential(mine, CredentialV1.PARTY, party, List.of(), List.of());
        publish(myKey, credential(theirs, CredentialV1.PARTY, other, List.of(), List.of()),
                credential(auditor, CredentialV1.AUDITOR, "kcc-audit-" + party, List.of(platform), List.of(PERIOD)),
                credential(elsewhere, CredentialV1.AUDITOR, "other-audit", List.of("someone-else"), List.of("2031-08")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(mine.token(), party) == 200);
        given().header("Authorization", "Bearer " + mine.token()).get("/v1/parties/{id}/payouts", party).then().statusCode(200)
                .body("partyId", equalTo(party))
                .body("statements.size()", equalTo(1))
                .body("statements[0].periodId", equalTo(PERIOD))
                .body("statements[0].lines[0].platformId", equalTo(platform))
                .body("statements[0].lines[0].category", equalTo("LICENSED"))
                .body("statements[0].lines[0].amountMinor", equalTo(1000))
                .body("balances.findAll { it.type == 'PAYABLE' }.balanceMinor", equalTo(List.of(1000)))
                .body("balances.findAll { it.type == 'PAYABLE' }.periodId", equalTo(List.of(PERIOD)))
                .body("payments.size()", equalTo(0));

        // another party's payouts, and a party that does not exist, answer alike: nothing leaks
        String theirsBody = given().header("Authorization", "Bearer " + mine.token()).get("/v1/parties/{id}/payouts", other)
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        String nobody = id("P-NOBODY");
        String nobodyBody = given().header("Authorization", "Bearer " + mine.token()).get("/v1/parties/{id}/payouts", nobody)
                .then().statusCode(404).extract().asString();
        assertEquals(nobodyBody.replace(nobody, "ID"), theirsBody.replace(other, "ID"));
        assertEquals(200, status(theirs.token(), other));
        operator().get("/v1/parties/{id}/payouts", party).then().statusCode(200).body("statements[0].lines[0].amountMinor", equalTo(1000));
        operator().get("/v1/parties/{id}/payouts", nobody).then().statusCode(404);

        // an auditor reads within its scope, and every read is in the admin audit
        given().header("Authorization", "Bearer " + auditor.token()).get("/v1/parties/{id}/payouts", party).then().statusCode(200)
                .body("statements[0].lines[0].amountMinor", equalTo(1000));
        assertEquals(1, count(db, "SELECT count(*) FROM admin_audit WHERE action = 'READ_PARTY_PAYOUTS' AND subject = ? AND actor_name = ?"
                + " AND actor_role = 'auditor'", "party/" + party, "kcc-audit-" + party));
        given().header("Authorization", "Bearer " + elsewhere.token()).get("/v1/parties/{id}/payouts", party).then().statusCode(404);

        // a forged secret for a known key id is no key
        String forged = mine.token().substring(0, 21) + BearerKeys.PARTY.generate().token().substring(21);
        assertEquals(401, status(forged, party));

        // the revocation reaches payout through the topic, and the key is refused from then on
        publish(myKey.revoke());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(mine.token(), party) == 401);
        publish(myKey);
        Thread.sleep(1500);
        assertEquals(401, status(mine.token(), party), "a replay of the older record does not bring the key back");
    }
}
