package io.fairshare.settlement.persistence;

import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usage aggregate of one appended batch (V130, {@code usage_total}), which the close and the party view read instead
 * of usage_line: collected from every line of the events actually inserted (so a redelivered event, skipped by the
 * ledger, is not counted again), lines without a party under the party '', then added with one
 * {@code INSERT ... SELECT ... ORDER BY ... ON CONFLICT DO UPDATE} in the batch's transaction, like
 * {@link DisclosureAggregates}. Rows are sorted in SQL so that concurrent batches take the rows' locks in one order.
 */
final class UsageTotals {
    private static final int KEY_COLUMNS = 13;
    private static final String ADD = """
            INSERT INTO usage_total AS t (party_id, settle_period, usage_period, platform_id, model_id, model_version, society_id,
                                          work_id, work_category, usage_type, unit_kind, status, tariff_id, disputed, back_claim,
                                          events, lines, units, attributed_x)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::bigint[], ?::bigint[],
                                 ?::bigint[], ?::numeric[])
                     AS x(pa, s, u, p, m, v, so, w, c, ut, uk, st, ta, d, b, e, l, n, a)
            ORDER BY pa, s, u, p, m, v, so, w, c, ut, uk, st, ta, d, b
            ON CONFLICT (party_id, settle_period, usage_period, platform_id, model_id, model_version, society_id, work_id, work_category,
                         usage_type, unit_kind, status, tariff_id, disputed, back_claim)
            DO UPDATE SET events = t.events + EXCLUDED.events, lines = t.lines + EXCLUDED.lines, units = t.units + EXCLUDED.units,
                          attributed_x = t.attributed_x + EXCLUDED.attributed_x""";

    /** One row's key: the text columns in table order, then disputed and back claim. */
    private record Key(List<String> text, boolean disputed, boolean backClaim) {
    }

    /** A row's sums: events, lines, units, attributed units x share in basis points. */
    private static final class Sums {
        long events;
        long lines;
        long units;
        BigDecimal attributedX = BigDecimal.ZERO;
    }

    private final Map<Key, Sums> rows = new LinkedHashMap<>();

    /** One inserted event, settled in {@code settlePeriod}: every line (no party: ''), an event counted once per row. */
    void add(String settlePeriod, String usagePeriod, ResolvedUsage e) {
        Set<Key> touched = new HashSet<>();
        BigDecimal weighted = e.weightedUnits();
        for (ResolvedLine l : e.lines()) {
            Key k = new Key(List.of(nonNull(l.partyId()), settlePeriod, usagePeriod, e.platformId(), nonNull(e.modelId()), nonNull(e.modelVersion()),
                    nonNull(l.societyId()), e.workId(), e.workCategory(), e.usageType().name(), e.unitKind().name(), l.status().name(),
                    nonNull(l.tariffId())), l.disputed(), e.backClaim());
            Sums s = rows.computeIfAbsent(k, x -> new Sums());
            if (touched.add(k)) {
                s.events++;
            }
            s.lines++;
            s.units += e.units();
            s.attributedX = s.attributedX.add(UsageLedgerStore.attributedX(weighted, l));
        }
    }

    /** Adds the collected rows to the aggregate (nothing for a batch of no new events). */
    void store(Connection c) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        List<String[]> text = new ArrayList<>();
        for (int i = 0; i < KEY_COLUMNS; i++) {
            text.add(new String[n]);
        }
        Boolean[] disputed = new Boolean[n], backClaim = new Boolean[n];
        Long[] events = new Long[n], lines = new Long[n], units = new Long[n];
        BigDecimal[] attributed = new BigDecimal[n];
        int r = 0;
        for (Map.Entry<Key, Sums> row : rows.entrySet()) {
            for (int i = 0; i < KEY_COLUMNS; i++) {
                text.get(i)[r] = row.getKey().text().get(i);
            }
            disputed[r] = row.getKey().disputed();
            backClaim[r] = row.getKey().backClaim();
            events[r] = row.getValue().events;
            lines[r] = row.getValue().lines;
            units[r] = row.getValue().units;
            attributed[r] = row.getValue().attributedX;
            r++;
        }
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
            int k = 1;
            for (String[] a : text) {
                ps.setArray(k++, c.createArrayOf("text", a));
            }
            ps.setArray(k++, c.createArrayOf("boolean", disputed));
            ps.setArray(k++, c.createArrayOf("boolean", backClaim));
            ps.setArray(k++, c.createArrayOf("bigint", events));
            ps.setArray(k++, c.createArrayOf("bigint", lines));
            ps.setArray(k++, c.createArrayOf("bigint", units));
            ps.setArray(k, c.createArrayOf("numeric", attributed));
            ps.executeUpdate();
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
