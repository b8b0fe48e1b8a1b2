package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Disclosure reports against a seeded scenario, one model of its own (so that other tests' usage of plat-a does not
 * count): every expected share is computed here from the events published, not by the code under test.
 *
 * <p>Scenario (minimum group size 10): A 30 book pre-training events, one line s-alpha LICENSED; B 12 news-article
 * fine-tuning events, s-beta UNLICENSED; C 11 music pre-training events, two lines s-alpha and s-beta LICENSED;
 * D 3 code retrieval events, one party line without a society, RESERVED. D is below the minimum everywhere, and folded
 * alone it would still be D: so the next smallest shown group goes with it.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureTest {
    static final String PERIOD = "2031-05";
    static final String PLATFORM = "plat-a";
    static final String PLATFORM_KEY = "platform-a-key";
    static final String CATEGORY_D = "code<&>\"";
    static final String FORMULA_WORK = "=cmd|'/c calc'!A1";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Seed(String group, String category, UsageType type, long units, String workId, List<ResolvedLineV1> lines) {
    }

    @Inject
    AgroalDataSource db;

    final String model = "disc-model-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherPlatform = "plat-disc-" + UUID.randomUUID().toString().substring(0, 8);
    final List<Seed> seeds = new ArrayList<>();
    final List<UsageResolvedV1> events = new ArrayList<>();

    static ResolvedLineV1 line(String party, String society, int bp, LineStatus status) {
        return new ResolvedLineV1(party, society, bp, status, status == LineStatus.LICENSED ? "lic-t" : null,
                status == LineStatus.LICENSED ? "t" : null, false);
    }

    UsageResolvedV1 event(String platform, String eventId, Seed s) {
        Instant at = Instant.parse("2031-05-12T10:00:00Z");
        UsageAcceptedV1 u = new UsageAcceptedV1(platform, eventId, model, "1", s.type(),
                new WorkRef(List.of(new WorkId(IdScheme.ISBN, "9780306406157")), null), s.units(), UnitKind.TOKENS, at, "KR", null, null, at);
        return new UsageResolvedV1(u, s.workId(), s.category(), new WorkId(IdScheme.ISBN, "9780306406157"), false, s.lines(), Instant.now());
    }

    @BeforeAll
    void seed() throws Exception {
        for (int i = 0; i < 30; i++) {
            seeds.add(new Seed("A", "book", UsageType.PRE_TRAINING, 1000 + i, "w-book-" + (i % 3), List.of(line("p-a" + i, "s-alpha", 10000, LineStatus.LICENSED))));
        }
        for (int i = 0; i < 12; i++) {
            seeds.add(new Seed("B", "news-article", UsageType.FINE_TUNING, 400 + 7L * i, "w-news-" + (i % 4),
                    List.of(line("p-b" + i, "s-beta", 10000, LineStatus.UNLICENSED))));
        }
        for (int i = 0; i < 11; i++) {
            seeds.add(new Seed("C", "music", UsageType.PRE_TRAINING, 900, "w-music-0",
                    List.of(line("p-c1", "s-alpha", 6000, LineStatus.LICENSED), line("p-c2", "s-beta", 4000, LineStatus.LICENSED))));
        }
        for (int i = 0; i < 3; i++) {
            seeds.add(new Seed("D", CATEGORY_D, UsageType.RETRIEVAL, 250 + i, FORMULA_WORK, List.of(line("p-direct", null, 10000, LineStatus.RESERVED))));
        }
        for (int i = 0; i < seeds.size(); i++) {
            events.add(event(PLATFORM, model + "-e" + i, seeds.get(i)));
        }
        events.add(event(otherPlatform, model + "-other", seeds.get(0)));
        SettlementApi.publish(events);
        SettlementApi.awaitConsumed();
        SettlementApi.awaitCount(db, events.size(), "SELECT count(*) FROM usage_event WHERE event_id LIKE ?", model + "-%");
        assertEquals(Set.of(PERIOD), Set.copyOf(strings("SELECT DISTINCT settle_period FROM usage_event WHERE event_id LIKE '" + model + "-%'")),
                "the scenario's events are settled in " + PERIOD);
    }

    private List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = db.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    String path() {
        return "/v1/disclosure/" + PERIOD + "/" + PLATFORM + "/" + model;
    }

    // ---- expectations, from the seeds alone ----

    long total() {
        return seeds.stream().mapToLong(Seed::units).sum();
    }

    long units(String... groups) {
        Set<String> g = Set.of(groups);
        return seeds.stream().filter(s -> g.contains(s.group())).mapToLong(Seed::units).sum();
    }

    long events(String... groups) {
        Set<String> g = Set.of(groups);
        return seeds.stream().filter(s -> g.contains(s.group())).count();
    }

    static String share(long units, long total) {
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String percent(long units, long total) {
        return BigDecimal.valueOf(units * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Per group of a key of the events (each event once per distinct key among its lines): [events, units]. */
    Map<String, long[]> byKey(Function<Seed, List<String>> keys) {
        Map<String, long[]> out = new HashMap<>();
        for (Seed s : seeds) {
            for (String k : new LinkedHashSet<>(keys.apply(s))) {
                long[] t = out.computeIfAbsent(k, x -> new long[2]);
                t[0]++;
                t[1] += s.units();
            }
        }
        return out;
    }

    static void assertGroup(JsonNode groups, String name, long events, long units, long total, boolean suppressed) {
        for (JsonNode g : groups) {
            if (g.get("group").asText().equals(name)) {
                assertEquals(events, g.get("events").asLong(), name + " events");
                assertEquals(units, g.get("units").asLong(), name + " units");
                assertEquals(share(units, total), g.get("share").asText(), name + " share");
                assertEquals(percent(units, total), g.get("percent").asText(), name + " percent");
                assertEquals(suppressed, g.get("suppressed").asBoolean(), name + " suppressed");
                return;
            }
        }
        throw new AssertionError("no group " + name + " in " + groups);
    }

    JsonNode summary() throws Exception {
        return JSON.readTree(given().get(path()).then().statusCode(200).contentType(containsString("application/json")).extract().asString());
    }

    // ---- the public summary ----

    @Test
    void thePublicSummaryIsReadWithoutCredentialsAndItsSharesAreTheEvents() throws Exception {
        JsonNode r = summary();
        long total = total();
        assertEquals("summary", r.get("level").asText());
        assertEquals(seeds.size(), r.get("totalEvents").asLong());
        assertEquals(total, r.get("totalUnits").asLong());
        assertEquals(10, r.get("minGroupEvents").asInt());
        assertFalse(r.has("works"), "the public summary names no work");
        JsonNode d = r.get("dimensions");
        String other = "other (suppressed)";
        // work category: code (3) is too small; folded alone it would be code, so music (11, the smallest shown) joins it
        assertEquals(3, d.get("workCategory").size());
        assertGroup(d.get("workCategory"), "book", events("A"), units("A"), total, false);
        assertGroup(d.get("workCategory"), "news-article", events("B"), units("B"), total, false);
        assertGroup(d.get("workCategory"), other, events("C", "D"), units("C", "D"), total, true);
        // usage type: pre-training (A, C); retrieval (3) folded with fine-tuning (12)
        assertEquals(2, d.get("usageType").size());
        assertGroup(d.get("usageType"), "PRE_TRAINING", events("A", "C"), units("A", "C"), total, false);
        assertGroup(d.get("usageType"), other, events("B", "D"), units("B", "D"), total, true);
        // society: an event counts in every society its lines name (C in both)
        Map<String, long[]> societies = byKey(s -> s.lines().stream().map(l -> l.societyId() == null ? "(no society)" : l.societyId()).toList());
        assertEquals(41, societies.get("s-alpha")[0]);
        assertGroup(d.get("society"), "s-alpha", societies.get("s-alpha")[0], societies.get("s-alpha")[1], total, false);
        assertGroup(d.get("society"), other, societies.get("s-beta")[0] + societies.get("(no society)")[0],
                societies.get("s-beta")[1] + societies.get("(no society)")[1], total, true);
        assertEquals(2, d.get("society").size());
        Map<String, long[]> statuses = byKey(s -> s.lines().stream().map(l -> l.status().name()).toList());
        assertGroup(d.get("licenceStatus"), "LICENSED", statuses.get("LICENSED")[0], statuses.get("LICENSED")[1], total, false);
        assertGroup(d.get("licenceStatus"), other, statuses.get("UNLICENSED")[0] + statuses.get("RESERVED")[0],
                statuses.get("UNLICENSED")[1] + statuses.get("RESERVED")[1], total, true);
        assertFalse(r.toString().contains("s-beta") || r.toString().contains("code") || r.toString().contains("p-direct"),
                "no small group is named: " + r);
        assertValid(r);
    }

    @Test
    void aModelVersionNarrowsTheReport() throws Exception {
        given().queryParam("modelVersion", "1").get(path()).then().statusCode(200).body("totalEvents", equalTo(seeds.size()));
        notFound(given().queryParam("modelVersion", "2").get(path()).then(), "model " + model + " version 2");
    }

    @Test
    void aRedeliveredEventChangesNoFigure() throws Exception {
        String before = given().get(path() + "?format=csv").then().statusCode(200).extract().asString();
        String detailedBefore = operator().get(path() + "/detailed").then().statusCode(200).extract().asString();
        SettlementApi.publish(events.subList(0, 5));
        SettlementApi.awaitConsumed();
        assertEquals(before, given().get(path() + "?format=csv").then().statusCode(200).extract().asString());
        assertEquals(detailedBefore, operator().get(path() + "/detailed").then().statusCode(200).extract().asString());
    }

    // ---- the detailed report and who may read it ----

    @Test
    void theOperatorReadsEverythingDownToWorks() throws Exception {
        JsonNode r = JSON.readTree(operator().get(path() + "/detailed").then().statusCode(200).extract().asString());
        long total = total();
        assertEquals("detailed", r.get("level").asText());
        assertEquals(0, r.get("minGroupEvents").asInt());
        JsonNode d = r.get("dimensions");
        assertEquals(4, d.get("workCategory").size());
        assertGroup(d.get("workCategory"), CATEGORY_D, events("D"), units("D"), total, false);
        assertGroup(d.get("workCategory"), "music", events("C"), units("C"), total, false);
        assertGroup(d.get("usageType"), "RETRIEVAL", events("D"), units("D"), total, false);
        assertGroup(d.get("society"), "(no society)", events("D"), units("D"), total, false);
        assertGroup(d.get("licenceStatus"), "RESERVED", events("D"), units("D"), total, false);
        // works: w-book-0 holds A's events 0, 3, ..., 27
        long book0 = 0;
        for (int i = 0; i < 30; i += 3) {
            book0 += seeds.get(i).units();
        }
        int works = 0;
        for (JsonNode w : r.get("works")) {
            works++;
            if (w.get("workId").asText().equals("w-book-0")) {
                assertEquals(10, w.get("events").asLong());
                assertEquals(book0, w.get("units").asLong());
                assertEquals(share(book0, total), w.get("share").asText());
                assertEquals("s-alpha", w.get("society").asText());
                assertEquals("LICENSED", w.get("licenceStatus").asText());
            }
        }
        // 3 book works + 4 news works + music in two societies + the formula work
        assertEquals(3 + 4 + 2 + 1, works);
        assertValid(r);
    }

    @Test
    void thePlatformReadsItsOwnDetailedReportAndNoOtherPlatforms() {
        as(PLATFORM_KEY).get(path() + "/detailed").then().statusCode(200).body("level", equalTo("detailed"));
        String other = "/v1/disclosure/" + PERIOD + "/" + otherPlatform + "/" + model;
        operator().get(other + "/detailed").then().statusCode(200).body("totalEvents", equalTo(1));
        String refused = as(PLATFORM_KEY).get(other + "/detailed").then().statusCode(404)
                .contentType(containsString("problem+json")).extract().asString();
        String absent = as(PLATFORM_KEY).get("/v1/disclosure/" + PERIOD + "/plat-nobody/" + model + "/detailed").then().statusCode(404)
                .extract().asString();
        assertEquals(absent.replace("plat-nobody", otherPlatform), refused, "a refusal reads as absence");
        given().get(path() + "/detailed").then().statusCode(404).contentType(containsString("problem+json"));
        as("society-alpha-key").get(path() + "/detailed").then().statusCode(404);
        as("party-direct-key").get(path() + "/detailed").then().statusCode(404);
    }

    @Test
    void anAuditorReadsWithinItsScopeAndEveryReadIsAudited() throws Exception {
        String subject = "disclosure/" + PERIOD + "/" + PLATFORM + "/" + model;
        String audited = "SELECT count(*) FROM admin_audit WHERE action = 'disclosure.detailed.read' AND subject = ? AND actor_name = ?";
        long before = SettlementApi.count(db, audited, subject, "audit-in-scope");
        as(ScopedAuditorKeys.IN_SCOPE).get(path() + "/detailed").then().statusCode(200).body("level", equalTo("detailed"));
        as(ScopedAuditorKeys.IN_SCOPE).get(path() + "/detailed?format=csv").then().statusCode(200);
        assertEquals(before + 2, SettlementApi.count(db, audited, subject, "audit-in-scope"));
        assertEquals(1, SettlementApi.count(db, "SELECT count(*) FROM admin_audit WHERE subject = ? AND actor_role = 'auditor' AND actor_name = ?"
                + " AND id = (SELECT max(id) FROM admin_audit WHERE subject = ?)", subject, "audit-in-scope", subject));
        for (String key : List.of(ScopedAuditorKeys.OTHER_PERIOD, ScopedAuditorKeys.OTHER_PLATFORM, SettlementRolesTest.AUDITOR)) {
            as(key).get(path() + "/detailed").then().statusCode(404).contentType(containsString("problem+json"));
        }
        assertEquals(0, SettlementApi.count(db, "SELECT count(*) FROM admin_audit WHERE subject = ? AND actor_name <> ?", subject, "audit-in-scope"));
        // the in-scope auditor sees nothing of another platform's model
        as(ScopedAuditorKeys.IN_SCOPE).get("/v1/disclosure/" + PERIOD + "/" + otherPlatform + "/" + model + "/detailed").then().statusCode(404);
    }

    // ---- formats ----

    @Test
    void csvIsOneRowPerGroupWithFormulasGuarded() {
        String csv = given().get(path() + "?format=csv").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals("period,platform,model,model_version,dimension,group,events,units,share,percent,suppressed", rows[0]);
        assertEquals(PERIOD + "," + PLATFORM + "," + model + ",,total,all," + seeds.size() + "," + total() + ",1,100.0%,false", rows[1]);
        assertTrue(csv.contains(",workCategory,book," + events("A") + "," + units("A") + "," + share(units("A"), total()) + ","
                + percent(units("A"), total()) + ",false\r\n"), csv);
        // 1 header + 1 total + 3 + 2 + 2 + 2 groups
        assertEquals(11, rows.length, csv);
        String detailed = operator().header("Accept", "text/csv").get(path() + "/detailed").then().statusCode(200).extract().asString();
        assertTrue(detailed.contains(",work,'" + FORMULA_WORK), "the formula work id is guarded: " + detailed);
        assertFalse(detailed.contains("," + FORMULA_WORK), detailed);
        assertTrue(detailed.contains(",workCategory,\"code<&>\"\"\","), detailed);
    }

    @Test
    void htmlIsOneSelfContainedPageWithAChartAndEscapedText() {
        String html = given().header("Accept", "text/html").get(path()).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"), "an inline SVG chart");
        assertEquals(4, html.split("<svg", -1).length - 1, "one chart per dimension");
        assertTrue(html.contains(percent(units("A"), total())));
        for (String external : List.of("<script", "src=", "href=", "<link", "url(")) {
            assertFalse(html.contains(external), "no external asset or script: " + external);
        }
        String detailed = operator().get(path() + "/detailed?format=html").then().statusCode(200).extract().asString();
        assertTrue(detailed.contains("code&lt;&amp;&gt;&quot;"), "HTML-escaped");
        assertFalse(detailed.contains(CATEGORY_D));
        assertTrue(detailed.contains("By work"));
    }

    @Test
    void anUnknownFormatIsRefused() {
        given().get(path() + "?format=xml").then().statusCode(400).contentType(containsString("problem+json"));
    }

    // ---- what does not exist ----

    static void notFound(ValidatableResponse r, String names) {
        r.statusCode(404).contentType(containsString("problem+json")).body("detail", containsString(names));
    }

    @Test
    void unknownPeriodPlatformOrModelIsA404NamingIt() {
        notFound(given().get("/v1/disclosure/not-a-period/" + PLATFORM + "/" + model).then(), "not-a-period");
        notFound(given().get("/v1/disclosure/2039-01/" + PLATFORM + "/" + model).then(), "period 2039-01");
        notFound(given().get("/v1/disclosure/" + PERIOD + "/plat-nobody/" + model).then(), "platform plat-nobody");
        notFound(given().get("/v1/disclosure/" + PERIOD + "/" + PLATFORM + "/no-such-model").then(), "model no-such-model");
    }

    // ---- the schema ----

    static void assertValid(JsonNode report) throws Exception {
        try (InputStream in = DisclosureTest.class.getResourceAsStream("/schemas/disclosure.v1.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            assertEquals(Set.of(), schema.validate(report), "the report matches disclosure.v1.schema.json");
        }
    }
}
