package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.fairshare.testsupport.OutageAssertions.assertUnavailable;
import static org.hamcrest.Matchers.equalTo;

import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** PostgreSQL really stopped: reads and writes are 503 unavailable with Retry-After (not 500), and settlement recovers. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class DatabaseDownTest {

    @Test
    void withPostgresqlDownTariffsAnswer503AndAreServedAgainOnceItIsBack() {
        String tariffId = "t-dbdown-" + UUID.randomUUID().toString().substring(0, 8);
        String otherId = tariffId + "-b";
        Map<String, Object> tariff = Map.of("currency", "KRW", "unitRates",
                List.of(Map.of("usageType", "pre-training", "unitKind", "tokens", "amount", "1.5", "per", 1000)));
        operator().contentType("application/json").body(tariff).put("/v1/tariffs/" + tariffId).then().statusCode(201);

        TestServers.withPostgresStopped(() -> {
            assertUnavailable(operator().get("/v1/tariffs/" + tariffId).then(), "PostgreSQL");
            assertUnavailable(operator().contentType("application/json").body(tariff).put("/v1/tariffs/" + otherId).then(), "PostgreSQL");
        });

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                operator().get("/v1/tariffs/" + tariffId).then().statusCode(200).body("currency", equalTo("KRW")));
        // Nothing of the refused write was stored: the same request now creates it.
        operator().contentType("application/json").body(tariff).put("/v1/tariffs/" + otherId).then().statusCode(201);
    }
}
