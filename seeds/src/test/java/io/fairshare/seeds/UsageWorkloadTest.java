package io.fairshare.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.contracts.identifiers.Identifiers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageWorkloadTest {
    static final SeedSet SET = SeedGenerator.generate(SeedSpec.small(5_000));
    static final YearMonth NOV = YearMonth.of(2026, 11);

    static UsageWorkload workload(long count) {
        return UsageWorkload.forPeriod(SET, 42, count, NOV, UsageWorkload.SEOUL);
    }

    @Test
    void theSameSeedGivesTheSameEventsInAnyOrderOfAccess() {
        UsageWorkload a = workload(10_000);
        UsageWorkload b = workload(10_000);
        assertEquals(a.stream().toList(), b.stream().toList());
        assertEquals(a.event(9_876), b.event(9_876));
        assertFalse(a.event(5).equals(UsageWorkload.forPeriod(SET, 43, 10_000, NOV, UsageWorkload.SEOUL).event(5)));
    }

    @Test
    void eventIdsAreUniqueAndTimesFallInTheSeoulMonth() {
        UsageWorkload w = workload(200_000);
        Instant from = Instant.parse("2026-10-31T15:00:00Z");
        Instant until = Instant.parse("2026-11-30T15:00:00Z");
        Set<String> ids = new HashSet<>();
        w.forEach(e -> {
            assertTrue(ids.add(e.eventId()), e.eventId());
            assertFalse(e.occurredAt().isBefore(from), e.toString());
            assertTrue(e.occurredAt().isBefore(until), e.toString());
        });
        assertEquals(200_000, ids.size());
        assertEquals("wl42-20261101-000000042", w.event(42).eventId());
        assertEquals("wl42-20261201-000000042",
                UsageWorkload.forPeriod(SET, 42, 100, NOV.plusMonths(1), UsageWorkload.SEOUL).event(42).eventId());
        assertEquals("wl42-20261101-000000042", w.until(Instant.parse("2026-11-10T00:00:00Z")).event(42).eventId());
    }

    @Test
    void worksFollowZipfWithExponentOnePointOneAndAboutOneAndAHalfPercentAreUnmatched() {
        UsageWorkload w = workload(300_000);
        Map<Integer, Integer> byRank = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < SET.works().size(); i++) {
            index.put(SET.works().get(i).workId(), i);
        }
        Set<String> catalogueIds = new HashSet<>();
        SET.works().forEach(x -> x.identifiers().forEach(id -> catalogueIds.add(id.key())));
        long unmatched = 0;
        for (UsageWorkload.Event e : w) {
            if (e.matched()) {
                byRank.merge(index.get(e.catalogueWorkId()), 1, Integer::sum);
            } else {
                unmatched++;
                assertTrue(Identifiers.normalize(e.work().scheme(), e.work().value()).isOk(), "valid in form: " + e.work());
                assertFalse(catalogueIds.contains(e.work().scheme().wireName() + ":" + e.work().value()), "not in the catalogue");
            }
        }
        double share = unmatched / 300_000.0;
        assertTrue(share > 0.013 && share < 0.017, "unmatched share " + share);
        long matched = 300_000 - unmatched;
        // rank 1 vs rank 2: 2^1.1 = 2.14
        double ratio = byRank.get(0) / (double) byRank.get(1);
        assertTrue(Math.abs(ratio - Math.pow(2, 1.1)) < 0.1, "rank1/rank2 = " + ratio);
        // each of the first ten ranks within 5% of its Zipf probability
        for (int k = 0; k < 10; k++) {
            double expected = w.zipfProbability(k) * matched;
            assertTrue(Math.abs(byRank.get(k) - expected) < 0.05 * expected, "rank " + (k + 1) + ": " + byRank.get(k) + " vs " + expected);
        }
        // the opted-out works (ranks 7 and 70) are used
        assertTrue(byRank.get(6) > 1_000 && byRank.get(69) > 50);
    }

    @Test
    void everyEventIsValidIngestJsonWithItsRecordFields() throws Exception {
        List<UsageWorkload.Event> events = workload(2_000).stream().toList();
        JsonNode array = SeedFiles.JSON.readTree(UsageWorkload.jsonArray(events));
        assertEquals(2_000, array.size());
        for (int i = 0; i < events.size(); i++) {
            UsageWorkload.Event e = events.get(i);
            JsonNode n = array.get(i);
            assertEquals(e.eventId(), n.get("eventId").asText());
            assertEquals(e.usageType().wireName(), n.get("usageType").asText());
            assertEquals(e.unitKind().wireName(), n.get("unitKind").asText());
            assertEquals(e.units(), n.get("units").asLong());
            assertEquals(e.occurredAt(), Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(n.get("usedAt").asText())));
            assertTrue(n.get("usedAt").asText().endsWith("+09:00"));
            assertEquals(e.work().value(), n.at("/work/identifiers/0/value").asText());
            assertEquals("KR", n.get("territory").asText());
            assertTrue(e.units() > 0);
            assertTrue(SET.statutoryScheme().tariff().rate(e.usageType(), e.unitKind()).isPresent());
            if (e.matched()) {
                assertTrue(SET.worksById().get(e.catalogueWorkId()).identifiers().stream()
                        .anyMatch(id -> id.scheme() == e.work().scheme() && id.value().equals(e.work().value())));
            } else {
                assertNull(e.catalogueWorkId());
            }
        }
    }

    @Test
    void batchesHoldOnePlatformEachAndTogetherEveryEventOnce() {
        UsageWorkload w = workload(10_007);
        Iterator<UsageWorkload.Batch> it = w.batches(1_000);
        Set<String> seen = new HashSet<>();
        int batches = 0;
        while (it.hasNext()) {
            UsageWorkload.Batch b = it.next();
            batches++;
            assertTrue(b.events().size() <= 1_000);
            b.events().forEach(e -> {
                assertEquals(b.platformId(), e.platformId());
                assertTrue(seen.add(e.eventId()));
            });
            assertTrue(new String(b.jsonBody(), StandardCharsets.UTF_8).startsWith("[{\"eventId\":"));
        }
        assertEquals(10_007, seen.size());
        assertTrue(batches >= 11 && batches <= 13, "batches: " + batches);
    }

    @Test
    void aMillionEventsStreamOneAtATimeInIndexOrderAndTheSameOnEveryPass() {
        UsageWorkload w = UsageWorkload.forPeriod(SeedGeneratorTest.DEMO, 20261121, 1_000_000, NOV, UsageWorkload.SEOUL);
        long[] first = pass(w);
        assertEquals(1_000_000, first[0]);
        assertEquals(first[1], pass(w)[1], "units summed over a second pass");
        assertEquals(first[1], w.stream().skip(999_000).mapToLong(UsageWorkload.Event::units).sum()
                + w.stream().limit(999_000).mapToLong(UsageWorkload.Event::units).sum());
        // cut at a time inside the period: nothing later than the cut
        Instant cut = Instant.parse("2026-11-21T12:00:00Z");
        assertTrue(w.until(cut).stream().limit(10_000).allMatch(e -> e.occurredAt().isBefore(cut)));
    }

    /** Count and sum of units, checking that events come in index order. */
    private static long[] pass(UsageWorkload w) {
        long count = 0;
        long units = 0;
        for (UsageWorkload.Event e : w) {
            assertEquals(count, e.index());
            units += e.units();
            count++;
        }
        return new long[] {count, units};
    }
}
