package io.fairshare.ingest.it;

import io.fairshare.ingest.rest.UsageEventsResource;
import io.fairshare.testsupport.FairshareTestResources;
import io.fairshare.testsupport.OpenApiCoverage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated OpenAPI document describes every endpoint of the service (found by reflection), and Swagger UI shows it. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class ApiDocumentTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointIsInTheGeneratedDocumentWithProblemErrorsAndBodySchemasAndSwaggerUiShowsIt() {
        OpenApiCoverage.assertServiceDocumented(base, "Fairshare usage-ingest", UsageEventsResource.class, "io.fairshare.ingest", Set.of());
    }
}
