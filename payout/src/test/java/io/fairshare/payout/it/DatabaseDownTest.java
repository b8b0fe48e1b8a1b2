package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.testsupport.OutageAssertions.assertUnavailable;
import static org.hamcrest.Matchers.equalTo;

import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** PostgreSQL really stopped: the ledger and bank details answer 503 unavailable with Retry-After (not 500), and payout recovers. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class DatabaseDownTest {

    @Test
    void withPostgresqlDownTheLedgerAnswers503AndIsServedAgainOnceItIsBack() {
        String society = id("S-DBDOWN");
        Map<String, String> bankDetails = Map.of("holderName", "Society " + society, "country", "DE",
                "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX");
        operator().get("/v1/ledger/trial-balance").then().statusCode(200).body("balanced", equalTo(true));

        TestServers.withPostgresStopped(() -> {
            assertUnavailable(operator().get("/v1/ledger/trial-balance").then(), "PostgreSQL");
            assertUnavailable(operator().contentType("application/json").body(bankDetails)
                    .put("/v1/societies/{id}/bank-details", society).then(), "PostgreSQL");
        });

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                operator().get("/v1/ledger/trial-balance").then().statusCode(200).body("balanced", equalTo(true)));
        operator().contentType("application/json").body(bankDetails).put("/v1/societies/{id}/bank-details", society)
                .then().statusCode(200).body("iban", equalTo("DE89370400440532013000"));
    }
}
