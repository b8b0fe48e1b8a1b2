package io.fairshare.registry.it;

import io.fairshare.registry.importing.SampleImports;
import static io.fairshare.registry.it.RegistryApi.AUTHORITY;
import static io.fairshare.registry.it.RegistryApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.fairshare.registry.application.CatalogueQueries;
import io.restassured.path.json.JsonPath;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class ImportTest {
    @Inject
    CatalogueQueries queries;

    @Inject
    AgroalDataSource ds;

    @Test
    void theCsvSampleImportsItsGoodRowsReportsEveryBadOneAndReimportingChangesNothing() throws Exception {
        emptyCatalogue();
        byte[] file = sample("/import/sample-shares.csv");
        long outbox = queries.outboxSize();
        long audit = queries.auditSize();

        JsonPath first = post("csv?source=KLWA", file, 200);
        assertEquals(Map.of("fileValid", true, "committed", true, "lines", 21, "accepted", 8, "warnings", 1,
                "refused", 11, "ignored", 0, "changes", 25), counts(first));
        assertEquals(SampleImports.CSV_FINDINGS, findings(first));
        assertEquals("valid_to 2025-04-30 is before valid_from 2025-05-01", first.getString("reports[5].message"));
        long written = first.getLong("written");
        assertEquals(24, written, "25 changes, one of them the same party again (line 4)");
        assertEquals(1, first.getLong("unchanged"));
        assertEquals(outbox + written, queries.outboxSize());
        assertEquals(audit + written, queries.auditSize());
        as(AUTHORITY).get("/v1/works?identifier=isbn:978-0-306-40615-7").then().statusCode(200)
                .body("items[0].title", equalTo("The Cartographer's Daughter, Vol. 1"));
        as(AUTHORITY).get("/v1/shares?work=isbn:9780306406157").then().statusCode(200).body("items.size()", equalTo(3));

        JsonPath again = post("csv?source=KLWA", file, 200);
        assertEquals(counts(first), counts(again));
        assertEquals(findings(first), findings(again));
        assertEquals(0, again.getLong("written"));
        assertEquals(25, again.getLong("unchanged"));
        assertEquals(outbox + written, queries.outboxSize());
        assertEquals(audit + written, queries.auditSize());
    }

    @Test
    void anInvalidCwrFileLeavesNothingAndTheValidSampleImportsOnceEvenIfSentTwice() throws Exception {
        emptyCatalogue();
        byte[] file = sample("/import/sample-cwr21.v21");
        String text = new String(file, StandardCharsets.ISO_8859_1);
        String broken = text.replace("TRL000020000000500000037", "TRL000020000000600000037");
        long outbox = queries.outboxSize();

        JsonPath invalid = post("cwr", broken.getBytes(StandardCharsets.ISO_8859_1), 422);
        assertEquals(false, invalid.getBoolean("fileValid"));
        assertEquals(false, invalid.getBoolean("committed"));
        assertEquals(0, invalid.getLong("written"));
        assertEquals(outbox, queries.outboxSize());
        as(AUTHORITY).get("/v1/works/iswc:T1122334454").then().statusCode(404);

        JsonPath first = post("cwr", file, 200);
        assertEquals(Map.of("fileValid", true, "committed", true, "lines", 37, "accepted", 24, "warnings", 2,
                "refused", 10, "ignored", 3, "changes", 34), counts(first));
        assertEquals(SampleImports.CWR_FINDINGS, findings(first));
        long written = first.getLong("written");
        assertEquals(34, written);
        assertEquals(0, first.getLong("unchanged"));
        assertEquals(outbox + written, queries.outboxSize());
        as(AUTHORITY).get("/v1/works?identifier=iswc:T-034.524.680-1").then().statusCode(200)
                .body("items[0].key", equalTo("iswc:T0345246801"));

        long audit = queries.auditSize();
        JsonPath again = post("cwr", file, 200);
        assertEquals(0, again.getLong("written"));
        assertEquals(34, again.getLong("unchanged"));
        assertEquals(outbox + written, queries.outboxSize());
        assertEquals(audit, queries.auditSize());
    }

    @Test
    void importsNeedCredentials() {
        given().contentType("text/csv").body("work_ref\n").post("/v1/imports/csv").then().statusCode(401);
    }

    private static JsonPath post(String path, byte[] body, int status) {
        return as(AUTHORITY).contentType("application/octet-stream").body(body).post("/v1/imports/" + path)
                .then().statusCode(status).extract().jsonPath();
    }

    private static Map<String, Object> counts(JsonPath p) {
        return Map.of("fileValid", p.getBoolean("fileValid"), "committed", p.getBoolean("committed"),
                "lines", p.getInt("lines"), "accepted", p.getInt("accepted"), "warnings", p.getInt("warnings"),
                "refused", p.getInt("refused"), "ignored", p.getInt("ignored"), "changes", p.getInt("changes"));
    }

    private static List<String> findings(JsonPath p) {
        List<Map<String, Object>> reports = p.getList("reports");
        return reports.stream().map(r -> r.get("line") + " " + r.get("outcome") + " " + r.get("column") + " " + r.get("code"))
                .toList();
    }

    private static byte[] sample(String resource) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** The sample files use fixed identifiers: start from an empty catalogue so that their first import writes. */
    private void emptyCatalogue() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE work, work_identifier, party, share, mandate, reservation");
        }
    }
}
