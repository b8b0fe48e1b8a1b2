package io.fairshare.settlement.export;

import io.fairshare.settlement.domain.disclosure.Dimension;
import io.fairshare.settlement.domain.disclosure.DisclosureReport;
import io.fairshare.settlement.domain.disclosure.Share;
import io.fairshare.settlement.domain.disclosure.WorkShare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A disclosure report as JSON, schema {@value #SCHEMA} (contracts, schemas/disclosure.v1.schema.json). */
public final class DisclosureJson {
    public static final String SCHEMA = "fairshare.disclosure.v1";

    private DisclosureJson() {
    }

    /** The report as the schema's tree (maps and lists, ready for Jackson); shares are decimal strings. */
    public static Map<String, Object> of(DisclosureReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("level", r.detailed() ? "detailed" : "summary");
        out.put("periodId", r.periodId());
        out.put("platformId", r.platformId());
        out.put("modelId", r.modelId());
        out.put("modelVersion", r.modelVersion());
        out.put("minGroupEvents", r.minGroupEvents());
        out.put("totalEvents", r.totalEvents());
        out.put("totalUnits", r.totalUnits());
        Map<String, Object> dimensions = new LinkedHashMap<>();
        for (Dimension d : r.dimensions()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Share s : d.groups()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("group", s.group());
                g.put("events", s.events());
                g.put("units", s.units());
                g.put("share", s.share().toPlainString());
                g.put("percent", s.percent());
                g.put("suppressed", s.suppressed());
                groups.add(g);
            }
            dimensions.put(d.name(), groups);
        }
        out.put("dimensions", dimensions);
        if (r.detailed()) {
            List<Map<String, Object>> works = new ArrayList<>();
            for (WorkShare w : r.works()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("workId", w.workId());
                m.put("society", w.society());
                m.put("licenceStatus", w.status());
                m.put("events", w.events());
                m.put("units", w.units());
                m.put("share", w.share().toPlainString());
                m.put("percent", w.percent());
                works.add(m);
            }
            out.put("works", works);
        }
        return out;
    }
}
