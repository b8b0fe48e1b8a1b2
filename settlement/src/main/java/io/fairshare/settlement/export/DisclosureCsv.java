package io.fairshare.settlement.export;

import io.fairshare.settlement.domain.disclosure.Dimension;
import io.fairshare.settlement.domain.disclosure.DisclosureReport;
import io.fairshare.settlement.domain.disclosure.Share;
import io.fairshare.settlement.domain.disclosure.WorkShare;

/**
 * A disclosure report as CSV (RFC 4180, CRLF): one row per group, {@code dimension,group,events,units,share,percent,suppressed},
 * the totals first as dimension {@code total}; the detailed report's works follow as dimension {@code work} with the
 * group {@code workId / society / status}. Every text cell goes through {@link SpreadsheetCell#guard}.
 */
public final class DisclosureCsv {
    public static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "period,platform,model,model_version,dimension,group,events,units,share,percent,suppressed";

    private DisclosureCsv() {
    }

    public static String of(DisclosureReport r) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        row(out, r, "total", "all", r.totalEvents(), r.totalUnits(), r.totalUnits() == 0 ? "0" : "1", "100.0%", false);
        for (Dimension d : r.dimensions()) {
            for (Share s : d.groups()) {
                row(out, r, d.name(), s.group(), s.events(), s.units(), s.share().toPlainString(), s.percent(), s.suppressed());
            }
        }
        for (WorkShare w : r.works()) {
            row(out, r, "work", w.workId() + " / " + w.society() + " / " + w.status(), w.events(), w.units(),
                    w.share().toPlainString(), w.percent(), false);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, DisclosureReport r, String dimension, String group, long events, long units,
                            String share, String percent, boolean suppressed) {
        out.append(cell(r.periodId())).append(',').append(cell(r.platformId())).append(',').append(cell(r.modelId())).append(',')
                .append(cell(r.modelVersion())).append(',').append(cell(dimension)).append(',').append(cell(group)).append(',')
                .append(events).append(',').append(units).append(',').append(share).append(',').append(cell(percent)).append(',')
                .append(suppressed).append("\r\n");
    }

    /** A text cell: formula-guarded, quoted when it holds a comma, quote or line break. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = SpreadsheetCell.guard(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
