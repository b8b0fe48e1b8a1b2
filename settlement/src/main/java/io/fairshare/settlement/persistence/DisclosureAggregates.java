package io.fairshare.settlement.persistence;

import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The disclosure aggregates of one appended batch (V100): collected from the events actually inserted, then added
 * with one {@code INSERT ... SELECT ... GROUP BY ... ON CONFLICT DO UPDATE} per table, in the batch's transaction.
 * Rows are grouped and sorted in SQL so that concurrent batches take the aggregate rows' locks in one order.
 */
final class DisclosureAggregates {
    private static final String ADD_TOTALS = """
            INSERT INTO disclosure_total AS t (settle_period, platform_id, model_id, model_version, work_category, usage_type,
                                               society_id, status, events, units, society_events, society_units, status_events, status_units)
            SELECT s, p, m, v, c, u, so, st, count(*) FILTER (WHERE f), coalesce(sum(n) FILTER (WHERE f), 0),
                   count(*) FILTER (WHERE fs), coalesce(sum(n) FILTER (WHERE fs), 0), count(*) FILTER (WHERE ft), coalesce(sum(n) FILTER (WHERE ft), 0)
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::boolean[],
                        ?::boolean[], ?::boolean[]) AS x(s, p, m, v, c, u, so, st, n, f, fs, ft)
            GROUP BY s, p, m, v, c, u, so, st
            ORDER BY s, p, m, v, c, u, so, st
            ON CONFLICT (settle_period, platform_id, model_id, model_version, work_category, usage_type, society_id, status)
            DO UPDATE SET events = t.events + EXCLUDED.events, units = t.units + EXCLUDED.units,
                          society_events = t.society_events + EXCLUDED.society_events, society_units = t.society_units + EXCLUDED.society_units,
                          status_events = t.status_events + EXCLUDED.status_events, status_units = t.status_units + EXCLUDED.status_units""";
    private static final String ADD_WORKS = """
            INSERT INTO disclosure_work AS t (settle_period, platform_id, model_id, model_version, work_id, society_id, status, events, units)
            SELECT s, p, m, v, w, so, st, count(*), sum(n)
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS x(s, p, m, v, w, so, st, n)
            GROUP BY s, p, m, v, w, so, st
            ORDER BY s, p, m, v, w, so, st
            ON CONFLICT (settle_period, platform_id, model_id, model_version, work_id, society_id, status)
            DO UPDATE SET events = t.events + EXCLUDED.events, units = t.units + EXCLUDED.units""";

    private final List<String> settle = new ArrayList<>(), platform = new ArrayList<>(), model = new ArrayList<>(),
            version = new ArrayList<>(), category = new ArrayList<>(), usageType = new ArrayList<>(), work = new ArrayList<>(),
            society = new ArrayList<>(), status = new ArrayList<>();
    private final List<Long> units = new ArrayList<>();
    private final List<Boolean> first = new ArrayList<>(), firstOfSociety = new ArrayList<>(), firstOfStatus = new ArrayList<>();

    /** One inserted event, settled in {@code settlePeriod}: one row per distinct (society, status) of its lines. */
    void add(String settlePeriod, ResolvedUsage e) {
        Set<String> pairs = new LinkedHashSet<>();
        for (ResolvedLine l : e.lines()) {
            pairs.add(nonNull(l.societyId()) + '\u0000' + l.status().name());
        }
        boolean isFirst = true;
        Set<String> societies = new java.util.HashSet<>();
        Set<String> statuses = new java.util.HashSet<>();
        for (String pair : pairs.stream().sorted().toList()) {
            int cut = pair.indexOf('\u0000');
            firstOfSociety.add(societies.add(pair.substring(0, cut)));
            firstOfStatus.add(statuses.add(pair.substring(cut + 1)));
            settle.add(settlePeriod);
            platform.add(e.platformId());
            model.add(nonNull(e.modelId()));
            version.add(nonNull(e.modelVersion()));
            category.add(e.workCategory());
            usageType.add(e.usageType().name());
            work.add(e.workId());
            society.add(pair.substring(0, cut));
            status.add(pair.substring(cut + 1));
            units.add(e.units());
            first.add(isFirst);
            isFirst = false;
        }
    }

    /** Adds the collected rows to both aggregate tables (nothing when no event was inserted). */
    void store(Connection c) throws SQLException {
        if (settle.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ADD_TOTALS)) {
            int k = 1;
            for (List<String> a : List.of(settle, platform, model, version, category, usageType, society, status)) {
                ps.setArray(k++, c.createArrayOf("text", a.toArray()));
            }
            ps.setArray(k++, c.createArrayOf("bigint", units.toArray()));
            ps.setArray(k++, c.createArrayOf("boolean", first.toArray()));
            ps.setArray(k++, c.createArrayOf("boolean", firstOfSociety.toArray()));
            ps.setArray(k, c.createArrayOf("boolean", firstOfStatus.toArray()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(ADD_WORKS)) {
            int k = 1;
            for (List<String> a : List.of(settle, platform, model, version, work, society, status)) {
                ps.setArray(k++, c.createArrayOf("text", a.toArray()));
            }
            ps.setArray(k, c.createArrayOf("bigint", units.toArray()));
            ps.executeUpdate();
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
