package io.fairshare.registry.it;

import static io.fairshare.registry.it.RegistryApi.AUTHORITY;
import static io.fairshare.registry.it.RegistryApi.as;
import static io.fairshare.registry.it.RegistryApi.uniqueDoi;
import static io.fairshare.registry.it.RegistryApi.work;
import static io.fairshare.testsupport.OutageAssertions.assertUnavailable;
import static org.hamcrest.Matchers.equalTo;

import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.TestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** PostgreSQL really stopped: catalogue writes and the audit trail answer 503 unavailable with Retry-After, and the registry recovers. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class DatabaseDownTest {

    @Test
    void withPostgresqlDownWritesAndAuditAnswer503AndWorkAgainOnceItIsBack() {
        String doi = uniqueDoi();
        String during = uniqueDoi();
        as(AUTHORITY).body(work("before", doi)).post("/v1/works").then().statusCode(201);

        TestServers.withPostgresStopped(() -> {
            assertUnavailable(as(AUTHORITY).queryParam("entityKey", "work|" + doi).get("/v1/audit").then(), "PostgreSQL");
            assertUnavailable(as(AUTHORITY).body(work("during", during)).post("/v1/works").then(), "PostgreSQL");
        });

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(AUTHORITY).queryParam("entityKey", "work|" + doi).get("/v1/audit").then().statusCode(200)
                        .body("action", equalTo(List.of("CREATE"))));
        // The refused write stored nothing: the same request now creates the work.
        as(AUTHORITY).body(work("during", during)).post("/v1/works").then().statusCode(201);
        as(AUTHORITY).queryParam("entityKey", "work|" + during).get("/v1/audit").then().statusCode(200)
                .body("action", equalTo(List.of("CREATE")));
    }
}
