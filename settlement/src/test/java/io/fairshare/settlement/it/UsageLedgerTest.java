package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.as;
import static io.fairshare.settlement.it.SettlementApi.count;
import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static io.fairshare.settlement.it.SettlementApi.publish;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.usage.ModelUsage;
import io.fairshare.settlement.domain.usage.UsageRow;
import io.fairshare.settlement.persistence.SettlementStore;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The usage ledger: one row per event however often it arrives, periods by time of use in Seoul, bad events refused. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class UsageLedgerTest {
    static final String SUMS = "SELECT coalesce(sum(units), 0) FROM usage_line WHERE platform_id = ?";

    @Inject
    AgroalDataSource db;

    static List<UsageResolvedV1> batch(String platform, int n) {
        List<UsageResolvedV1> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(event(platform, "e-" + i, "2026-06-10T00:00:00Z", 1000 + i, "w-" + (i % 7),
                    line("p-" + (i % 5), "s-alpha", 7500, LineStatus.LICENSED, "t-ledger"),
                    line(null, null, 2500, LineStatus.UNCLAIMED, null)));
        }
        return out;
    }

    @Test
    void aRedeliveredBatchIsCountedOnce() throws Exception {
        List<UsageResolvedV1> events = batch("plat-dup", 400);
        publish(events);
        SettlementApi.awaitCount(db, 400, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-dup'");
        long units = count(db, SUMS, "plat-dup");
        // sum over i of (1000 + i), once per line (two lines per event)
        assertEquals(2 * (400 * 1000 + 399 * 400 / 2), units);

        // the consumer crashed after its DB commit and before its offset commit: the same records come again
        publish(events);
        publish(events.subList(0, 50));
        SettlementApi.awaitConsumed();
        assertEquals(400, count(db, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-dup'"));
        assertEquals(800, count(db, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-dup'"));
        assertEquals(units, count(db, SUMS, "plat-dup"));
    }

    /** The usage aggregate (V130) the close and the party view read, key columns then sums, as text in key order. */
    static final String AGGREGATE = """
            SELECT party_id, settle_period, usage_period, platform_id, model_id, model_version, society_id, work_id, work_category, usage_type,
                   unit_kind, status, tariff_id, disputed, back_claim, events, lines, units, attributed_x
            FROM usage_total WHERE platform_id = ? ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15""";
    /** The same figures straight from the lines: the GROUP BY the party view and the close ran before the aggregate. */
    static final String GROUP_BY = """
            SELECT coalesce(party_id, ''), settle_period, usage_period, platform_id, coalesce(model_id, ''), coalesce(model_version, ''),
                   coalesce(society_id, ''), work_id, work_category, usage_type, unit_kind, status, coalesce(tariff_id, ''), disputed,
                   back_claim, count(DISTINCT event_id), count(*), sum(units), sum(attributed_x)
            FROM usage_line WHERE platform_id = ?
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15""";
    /** The close's rows as the close computed them before V130: a GROUP BY over the lines (here of one platform). */
    static final String CLOSE_GROUP_BY = """
            SELECT platform_id, usage_period, society_id, party_id, work_id, work_category, usage_type, unit_kind, tariff_id, status,
                   disputed, back_claim, count(*), sum(units), sum(attributed_x), model_id, model_version
            FROM usage_line
            WHERE platform_id = ? AND (settle_period = ? OR (? AND settle_period < ?))
            GROUP BY platform_id, usage_period, society_id, party_id, work_id, work_category, usage_type, unit_kind, tariff_id, status,
                     disputed, back_claim, model_id, model_version""";

    List<String> rows(String sql, String platform) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, platform);
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 18; i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    out.add(row.append(rs.getBigDecimal(19).stripTrailingZeros().toPlainString()).toString());
                }
            }
            return out;
        }
    }

    /** 300 events of two models and two months, with lines of one key twice, a direct party, disputed and party-less lines. */
    static List<UsageResolvedV1> aggregateEvents(String platform) {
        List<UsageResolvedV1> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // two lines of one party under the same key (one event, counted once), a direct party (no society, no tariff),
            // a disputed line, and an unclaimed remainder (no party: in the close's rows, not in the party view); two months
            UsageResolvedV1 e = event(platform, "a-" + i, i % 4 == 0 ? "2026-07-10T00:00:00Z" : "2026-06-10T00:00:00Z", 1000 + i,
                    "w-" + (i % 7),
                    line("p-" + (i % 5), "s-alpha", 4000, LineStatus.LICENSED, "t-ledger"),
                    line("p-" + (i % 5), "s-alpha", 2500, LineStatus.LICENSED, "t-ledger"),
                    line("p-" + (i % 3), null, 1500, LineStatus.UNLICENSED, null),
                    new ResolvedLineV1("p-" + (i % 2), "s-beta", 1000, LineStatus.LICENSED, "lic-t-ledger", "t-ledger", true),
                    line(null, null, 1000, LineStatus.UNCLAIMED, null));
            if (i % 3 == 0) { // another model
                var u = e.usage();
                e = new UsageResolvedV1(new UsageAcceptedV1(u.platformId(), u.eventId(), "saebom", "0.9", u.usageType(), u.work(),
                        u.units(), u.unitKind(), u.usedAt(), u.territory(), null, null, u.acceptedAt(), null),
                        e.workId(), e.workCategory(), e.matchedBy(), false, e.lines(), e.resolvedAt());
            }
            events.add(e);
        }
        return events;
    }

    @Test
    void theUsageAggregateEqualsAGroupByOverTheLinesAfterARedelivery() throws Exception {
        List<UsageResolvedV1> events = aggregateEvents("plat-agg");
        publish(events);
        SettlementApi.awaitCount(db, 300, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-agg'");
        List<String> before = rows(AGGREGATE, "plat-agg");

        publish(events); // redelivered after the database commit, before the offset commit
        publish(events.subList(100, 180));
        SettlementApi.awaitConsumed();
        assertEquals(1500, count(db, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-agg'"));
        List<String> after = rows(AGGREGATE, "plat-agg");
        assertEquals(before, after);
        assertEquals(rows(GROUP_BY, "plat-agg"), after);
        // each event once in its society's rows, though two of its lines fall in them; the close counts both lines
        assertEquals(300, count(db, "SELECT sum(events) FROM usage_total WHERE platform_id = 'plat-agg' AND society_id = 's-alpha'"));
        assertEquals(600, count(db, "SELECT sum(lines) FROM usage_total WHERE platform_id = 'plat-agg' AND society_id = 's-alpha'"));
        assertEquals(300, count(db, "SELECT sum(events) FROM usage_total WHERE platform_id = 'plat-agg' AND society_id = ''"
                + " AND party_id <> ''"));
        // the unclaimed remainders, under the party ''
        assertEquals(300, count(db, "SELECT sum(lines) FROM usage_total WHERE platform_id = 'plat-agg' AND party_id = ''"));
    }

    @Test
    void theClosesRowsFromTheAggregateEqualAGroupByOverTheLines() throws Exception {
        List<UsageResolvedV1> events = aggregateEvents("plat-close-rows");
        publish(events);
        publish(events.subList(50, 250)); // a redelivery
        SettlementApi.awaitConsumed();
        SettlementApi.awaitCount(db, 1500, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-close-rows'");
        List<String> periods = new ArrayList<>();
        try (var c = db.getConnection(); var ps = c.prepareStatement(
                "SELECT DISTINCT settle_period FROM usage_line WHERE platform_id = 'plat-close-rows' ORDER BY 1")) {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    periods.add(rs.getString(1));
                }
            }
        }
        assertEquals(2, periods.size(), "two months of usage: " + periods);
        for (String period : periods) {
            for (boolean genesis : List.of(false, true)) {
                List<ModelUsage> expected = closeGroupBy(period, genesis);
                // 2026-06: 225 events of 5 lines; 2026-07: 75, and with the first close's "and before" also 2026-06's
                assertEquals(periods.indexOf(period) == 0 ? 1125 : genesis ? 1500 : 375,
                        expected.stream().mapToLong(m -> m.row().events()).sum(), "lines of " + period + ", genesis " + genesis);
                assertEquals(sorted(expected), sorted(platform(store.modelRows(period, genesis))), period + ", genesis " + genesis);
                assertEquals(rowSums(expected), platformRows(store.rows(period, genesis)), period + ", genesis " + genesis);
            }
        }
    }

    @Inject
    SettlementStore store;

    private List<ModelUsage> closeGroupBy(String period, boolean genesis) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement(CLOSE_GROUP_BY)) {
            ps.setString(1, "plat-close-rows");
            ps.setString(2, period);
            ps.setBoolean(3, genesis);
            ps.setString(4, period);
            List<ModelUsage> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModelUsage(new UsageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), UsageType.valueOf(rs.getString(7)), UnitKind.valueOf(rs.getString(8)), rs.getString(9),
                            io.fairshare.settlement.domain.usage.LineStatus.valueOf(rs.getString(10)), rs.getBoolean(11), rs.getBoolean(12),
                            rs.getLong(13), rs.getLong(14), rs.getBigDecimal(15).movePointLeft(4)), rs.getString(16), rs.getString(17)));
                }
            }
            return out;
        }
    }

    private static List<ModelUsage> platform(List<ModelUsage> rows) {
        return rows.stream().filter(m -> m.row().platformId().equals("plat-close-rows")).toList();
    }

    private static List<String> sorted(List<ModelUsage> rows) {
        return rows.stream().map(ModelUsage::toString).sorted().toList();
    }

    /** The model rows added up over models: the close's rows, by key (as text). */
    private static List<String> rowSums(List<ModelUsage> rows) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> attributed = new TreeMap<>();
        for (ModelUsage m : rows) {
            UsageRow r = m.row();
            String key = key(r);
            long[] n = counts.computeIfAbsent(key, k -> new long[2]);
            n[0] += r.events();
            n[1] += r.units();
            attributed.merge(key, r.attributedUnits(), BigDecimal::add);
        }
        return counts.keySet().stream().map(k -> k + "|" + counts.get(k)[0] + "|" + counts.get(k)[1] + "|" + attributed.get(k)).toList();
    }

    private static List<String> platformRows(List<UsageRow> rows) {
        return rows.stream().filter(r -> r.platformId().equals("plat-close-rows"))
                .map(r -> key(r) + "|" + r.events() + "|" + r.units() + "|" + r.attributedUnits()).sorted().toList();
    }

    private static String key(UsageRow r) {
        return String.join("|", r.platformId(), r.usagePeriod(), String.valueOf(r.societyId()), String.valueOf(r.partyId()), r.workId(),
                r.workCategory(), r.usageType().name(), r.unitKind().name(), String.valueOf(r.tariffId()), r.status().name(),
                String.valueOf(r.disputed()), String.valueOf(r.backClaim()));
    }

    @Test
    void everyLineKeepsItsModelAndTheTrainingRunAndDatasetWhenTheEventNamesThem() throws Exception {
        UsageResolvedV1 plain = event("plat-model", "m-1", "2026-06-10T00:00:00Z", 10, "w-1",
                line("p-1", "s-alpha", 6000, LineStatus.UNLICENSED, null), line(null, null, 4000, LineStatus.UNCLAIMED, null));
        var u = plain.usage();
        var named = new io.fairshare.contracts.usage.UsageAcceptedV1(u.platformId(), "m-2", "saebom", "0.9", u.usageType(), u.work(),
                u.units(), u.unitKind(), u.usedAt(), u.territory(), "corpus-7", null, u.acceptedAt(), "run-42");
        publish(List.of(plain, new UsageResolvedV1(named, plain.workId(), plain.workCategory(), plain.matchedBy(), false, plain.lines(),
                plain.resolvedAt())));
        SettlementApi.awaitCount(db, 4, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-model'");
        assertEquals(2, count(db, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-model' AND event_id = 'm-1'"
                + " AND model_id = 'model-x' AND model_version = '1' AND training_run_id IS NULL AND dataset_id IS NULL"));
        assertEquals(2, count(db, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-model' AND event_id = 'm-2'"
                + " AND model_id = 'saebom' AND model_version = '0.9' AND training_run_id = 'run-42' AND dataset_id = 'corpus-7'"));
    }

    @Test
    void theUsagePeriodIsTheMonthOfUseInSeoul() throws Exception {
        publish(List.of(
                event("plat-tz", "before-midnight", "2026-06-30T14:59:59Z", 10, "w-1", line("p-1", "s-alpha", 10000, LineStatus.UNLICENSED, null)),
                event("plat-tz", "after-midnight", "2026-06-30T15:00:00Z", 10, "w-1", line("p-1", "s-alpha", 10000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 2, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-tz'");
        assertEquals(1, count(db, "SELECT count(*) FROM usage_event WHERE event_id = 'before-midnight' AND usage_period = '2026-06'"));
        assertEquals(1, count(db, "SELECT count(*) FROM usage_event WHERE event_id = 'after-midnight' AND usage_period = '2026-07'"));
    }

    @Test
    void anEventWhoseSharesDoNotSumToTheWholeIsRefusedAndKept() throws Exception {
        publish(List.of(event("plat-bad", "half", "2026-06-10T00:00:00Z", 10, "w-1",
                line("p-1", "s-alpha", 5000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 1, "SELECT count(*) FROM usage_refused WHERE platform_id = 'plat-bad' AND reason LIKE 'SHARES_NOT_WHOLE%'");
        assertEquals(0, count(db, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-bad'"));
    }

    @Test
    void anEventTheDatabaseRefusesIsKeptAsRefusedAndTheRestOfItsBatchIsStored() throws Exception {
        // work_category is varchar(32): 40 characters are a data error (22001) for this event alone
        UsageResolvedV1 tooLong = event("plat-db", "bad", "2026-06-10T00:00:00Z", 10, "w-1",
                line("p-1", "s-alpha", 10000, LineStatus.UNLICENSED, null));
        tooLong = new UsageResolvedV1(tooLong.usage(), tooLong.workId(), "c".repeat(40), tooLong.matchedBy(), false,
                tooLong.lines(), tooLong.resolvedAt());
        publish(List.of(
                event("plat-db", "good-1", "2026-06-10T00:00:00Z", 10, "w-1", line("p-1", "s-alpha", 10000, LineStatus.UNLICENSED, null)),
                tooLong,
                event("plat-db", "good-2", "2026-06-10T00:00:00Z", 10, "w-2", line("p-1", "s-alpha", 10000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 1, "SELECT count(*) FROM usage_refused WHERE platform_id = 'plat-db' AND event_id = 'bad'"
                + " AND reason LIKE 'STORAGE_REFUSED: 22001%'");
        SettlementApi.awaitCount(db, 2, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-db'");
        // the ledger goes on
        publish(List.of(event("plat-db", "after", "2026-06-11T00:00:00Z", 10, "w-1",
                line("p-1", "s-alpha", 10000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 3, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-db'");
    }

    @Test
    void anOpenPeriodShowsProvisionalTotals() throws Exception {
        operator().contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then().statusCode(200);
        // 3 x 1,000 tokens unlicensed to s-beta at 2/1000 = 6
        publish(List.of(
                event("plat-prov", "a", "2026-08-03T00:00:00Z", 1000, "w-1", line("p-9", "s-beta", 10000, LineStatus.UNLICENSED, null)),
                event("plat-prov", "b", "2026-08-04T00:00:00Z", 1000, "w-2", line("p-9", "s-beta", 10000, LineStatus.UNLICENSED, null)),
                event("plat-prov", "c", "2026-08-05T00:00:00Z", 1000, "w-3", line("p-9", "s-beta", 10000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 3, "SELECT count(*) FROM usage_event WHERE platform_id = 'plat-prov'");
        as("society-beta-key").get("/v1/periods/2026-08/provisional").then().statusCode(200)
                .body("provisional", equalTo(true)).body("state", equalTo("OPEN"))
                .body("statements.statementId", equalTo(List.of("2026-08/society/s-beta")))
                .body("statements[0].totalMinor", equalTo(6));
        as("society-alpha-key").get("/v1/periods/2026-08/provisional").then().statusCode(200)
                .body("statements", equalTo(List.of()));
    }

    @Test
    void revenueIsDeclaredByTheOperatorOrThePlatformItself() {
        as("platform-a-key").contentType("application/json").body(Map.of("amount", "1000000.50"))
                .put("/v1/platforms/plat-a/revenue/2026-09").then().statusCode(200).body("periodId", equalTo("2026-09"));
        as("platform-a-key").contentType("application/json").body(Map.of("amount", "1"))
                .put("/v1/platforms/plat-other/revenue/2026-09").then().statusCode(403);
        operator().contentType("application/json").body(Map.of("amount", "-1"))
                .put("/v1/platforms/plat-other/revenue/2026-09").then().statusCode(400);
        operator().contentType("application/json").body(Map.of("amount", "0"))
                .put("/v1/platforms/plat-other/revenue/2026-09").then().statusCode(200);
    }

    @Test
    void identifiersWithTabsBackslashesAndNewlinesAreStoredExactly() throws Exception {
        String party = "p\t1\\x\ny\r";
        publish(List.of(event("plat-odd", "odd", "2026-06-10T00:00:00Z", 10, "w\\N",
                line(party, null, 10000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 1, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-odd'");
        assertEquals(1, count(db, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-odd' AND party_id = ? AND work_id = ?"
                + " AND society_id IS NULL AND attributed_x = 100000", party, "w\\N"));
    }

    @Test
    void workKeysAsLongAsTheContractAllowsAreStored() throws Exception {
        String sha = "sha256:" + "ab".repeat(32);
        String url = "url:https://example.org/" + "a".repeat(2000);
        String party = "ref:fairshare-seeds:" + "x".repeat(100);
        publish(List.of(
                event("plat-long", "sha", "2026-06-10T00:00:00Z", 10, sha, line(party, null, 10000, LineStatus.UNLICENSED, null)),
                event("plat-long", "url", "2026-06-10T00:00:00Z", 10, url, line(party, null, 10000, LineStatus.UNLICENSED, null))));
        SettlementApi.awaitCount(db, 2, "SELECT count(*) FROM usage_line WHERE platform_id = 'plat-long'");
        assertEquals(1, count(db, "SELECT count(*) FROM usage_line WHERE work_id = ? AND party_id = ?", sha, party));
        assertEquals(1, count(db, "SELECT count(*) FROM usage_line WHERE work_id = ?", url));
    }
}
