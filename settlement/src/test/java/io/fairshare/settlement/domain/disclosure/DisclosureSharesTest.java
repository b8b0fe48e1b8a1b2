package io.fairshare.settlement.domain.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisclosureSharesTest {
    private static Map<String, long[]> groups(Object... nameEventsUnits) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameEventsUnits.length; i += 3) {
            m.put((String) nameEventsUnits[i], new long[] {((Number) nameEventsUnits[i + 1]).longValue(), ((Number) nameEventsUnits[i + 2]).longValue()});
        }
        return m;
    }

    @Test
    void aShareIsUnitsOverTheTotalAndQuotedWithOnePlace() {
        assertEquals(new BigDecimal("0.131000"), DisclosureShares.share(131, 1000));
        assertEquals("13.1%", DisclosureShares.percent(DisclosureShares.share(131, 1000)));
        assertEquals(new BigDecimal("0.333333"), DisclosureShares.share(1, 3));
        assertEquals(new BigDecimal("0.666667"), DisclosureShares.share(2, 3));
        assertEquals("66.7%", DisclosureShares.percent(DisclosureShares.share(2, 3)));
        assertEquals("100.0%", DisclosureShares.percent(DisclosureShares.share(7, 7)));
        assertEquals(new BigDecimal("0.000000"), DisclosureShares.share(0, 0));
        assertEquals(new BigDecimal("0.062500"), DisclosureShares.share(1, 16));
        // half-even on the percentage's one place
        assertEquals("0.0%", DisclosureShares.percent(new BigDecimal("0.000500")));
        assertEquals("0.2%", DisclosureShares.percent(new BigDecimal("0.001500")));
    }

    @Test
    void groupsOfEnoughEventsAreShownLargestFirst() {
        List<Share> s = DisclosureShares.fold(groups("news", 10, 131, "book", 20, 869), 1000, 10);
        assertEquals(List.of("book", "news"), s.stream().map(Share::group).toList());
        assertEquals("13.1%", s.get(1).percent());
        assertFalse(s.stream().anyMatch(Share::suppressed));
    }

    @Test
    void smallGroupsAreFoldedIntoOneRow() {
        List<Share> s = DisclosureShares.fold(groups("book", 50, 700, "a", 4, 100, "b", 6, 200), 1000, 10);
        assertEquals(2, s.size());
        assertEquals("book", s.get(0).group());
        Share other = s.get(1);
        assertTrue(other.suppressed());
        assertEquals(DisclosureShares.SUPPRESSED, other.group());
        assertEquals(10, other.events());
        assertEquals(300, other.units());
        assertEquals(new BigDecimal("0.300000"), other.share());
    }

    @Test
    void aFoldedRowTooSmallOnItsOwnTakesTheSmallestShownGroupWithIt() {
        // "a" alone would be its own row in disguise: the next smallest group ("news", 12 events) goes with it
        List<Share> s = DisclosureShares.fold(groups("book", 50, 600, "news", 12, 300, "a", 3, 100), 1000, 10);
        assertEquals(List.of("book", DisclosureShares.SUPPRESSED), s.stream().map(Share::group).toList());
        assertEquals(15, s.get(1).events());
        assertEquals(400, s.get(1).units());
        // everything small: one folded row of all
        List<Share> all = DisclosureShares.fold(groups("a", 3, 1, "b", 2, 1), 2, 10);
        assertEquals(1, all.size());
        assertEquals(5, all.get(0).events());
        assertEquals("100.0%", all.get(0).percent());
    }

    @Test
    void nothingIsFoldedWithoutAMinimum() {
        List<Share> s = DisclosureShares.fold(groups("a", 1, 1, "b", 2, 3), 4, 0);
        assertEquals(List.of("b", "a"), s.stream().map(Share::group).toList());
        assertFalse(s.stream().anyMatch(Share::suppressed));
    }

    @Test
    void theReportTakesTotalsOncePerEventAndSocietiesPerGroup() {
        // one event of 100 units with lines in two societies: counted once in the totals, in both societies
        List<AggregateRow> rows = List.of(
                new AggregateRow("book", "PRE_TRAINING", "s-a", "LICENSED", 1, 100, 1, 100, 1, 100),
                new AggregateRow("book", "PRE_TRAINING", "s-b", "LICENSED", 0, 0, 1, 100, 0, 0),
                new AggregateRow("news", "RETRIEVAL", null, "UNCLAIMED", 1, 300, 1, 300, 1, 300));
        DisclosureReport r = DisclosureShares.report("2026-11", "p", "m", null, true, 10, rows,
                List.of(new WorkRow("w1", null, "UNCLAIMED", 1, 300)));
        assertEquals(2, r.totalEvents());
        assertEquals(400, r.totalUnits());
        assertEquals(0, r.minGroupEvents());
        Dimension category = r.dimensions().get(0);
        assertEquals(List.of("news", "book"), category.groups().stream().map(Share::group).toList());
        assertEquals("75.0%", category.groups().get(0).percent());
        Dimension society = r.dimensions().get(2);
        assertEquals(List.of(DisclosureShares.NO_SOCIETY, "s-a", "s-b"), society.groups().stream().map(Share::group).toList());
        assertEquals("25.0%", society.groups().get(2).percent());
        assertEquals(1, r.works().size());
        assertEquals(DisclosureShares.NO_SOCIETY, r.works().get(0).society());
        // LICENSED: the one event once, though its lines name two societies
        assertEquals(List.of("UNCLAIMED", "LICENSED"), r.dimensions().get(3).groups().stream().map(Share::group).toList());
        assertEquals(1, r.dimensions().get(3).groups().get(1).events());
        assertEquals(100, r.dimensions().get(3).groups().get(1).units());
        DisclosureReport summary = DisclosureShares.report("2026-11", "p", "m", null, false, 10, rows, List.of());
        assertEquals(10, summary.minGroupEvents());
        assertTrue(summary.works().isEmpty());
        assertTrue(summary.dimensions().stream().allMatch(d -> d.groups().size() == 1 && d.groups().get(0).suppressed()));
    }
}
