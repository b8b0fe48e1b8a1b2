package io.fairshare.settlement.export;

import io.fairshare.settlement.domain.disclosure.Dimension;
import io.fairshare.settlement.domain.disclosure.DisclosureReport;
import io.fairshare.settlement.domain.disclosure.Share;
import io.fairshare.settlement.domain.disclosure.WorkShare;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A disclosure report as one self-contained HTML page: a table and an inline SVG bar chart per dimension, no
 * script, no external asset (styles inline), every text HTML-escaped.
 */
public final class DisclosureHtml {
    public static final String MEDIA_TYPE = "text/html;charset=UTF-8";
    private static final Map<String, String> TITLES = Map.of(Dimension.WORK_CATEGORY, "By work category", Dimension.USAGE_TYPE,
            "By usage type", Dimension.SOCIETY, "By society", Dimension.LICENCE_STATUS, "By licence status");
    private static final int BAR_WIDTH = 400;
    private static final int BAR_HEIGHT = 18;

    private DisclosureHtml() {
    }

    public static String of(DisclosureReport r) {
        String title = (r.detailed() ? "Detailed disclosure report" : "Disclosure report") + ": model " + r.modelId()
                + (r.modelVersion() == null ? "" : " " + r.modelVersion()) + " of " + r.platformId() + ", period " + r.periodId();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:1em}")
                .append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".suppressed{color:#666;font-style:italic}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>").append(r.totalEvents()).append(" usage events, ").append(r.totalUnits()).append(" units in total.");
        if (!r.detailed()) {
            h.append(" Groups of fewer than ").append(r.minGroupEvents())
                    .append(" events are folded into \u201c").append(esc(io.fairshare.settlement.domain.disclosure.DisclosureShares.SUPPRESSED))
                    .append("\u201d so that no one creator can be identified.");
        }
        h.append("</p>\n");
        for (Dimension d : r.dimensions()) {
            h.append("<h2>").append(esc(TITLES.getOrDefault(d.name(), d.name()))).append("</h2>\n");
            chart(h, d);
            h.append("<table><tr><th>Group</th><th>Events</th><th>Units</th><th>Share of units</th></tr>\n");
            for (Share s : d.groups()) {
                h.append(s.suppressed() ? "<tr class=\"suppressed\">" : "<tr>").append("<td>").append(esc(s.group())).append("</td><td>")
                        .append(s.events()).append("</td><td>").append(s.units()).append("</td><td>").append(esc(s.percent()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (Dimension.SOCIETY.equals(d.name()) || Dimension.LICENCE_STATUS.equals(d.name())) {
                h.append("<p><small>An event whose work is shared among several ").append(Dimension.SOCIETY.equals(d.name())
                        ? "societies" : "licence statuses").append(" counts, with all its units, in each of them: these shares may add up"
                        + " to more than 100%.</small></p>\n");
            }
        }
        if (r.detailed()) {
            h.append("<h2>By work</h2>\n<table><tr><th>Work</th><th>Society</th><th>Licence status</th><th>Events</th><th>Units</th>")
                    .append("<th>Share of units</th></tr>\n");
            for (WorkShare w : r.works()) {
                h.append("<tr><td>").append(esc(w.workId())).append("</td><td>").append(esc(w.society())).append("</td><td>")
                        .append(esc(w.status())).append("</td><td>").append(w.events()).append("</td><td>").append(w.units())
                        .append("</td><td>").append(esc(w.percent())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void chart(StringBuilder h, Dimension d) {
        int height = d.groups().size() * (BAR_HEIGHT + 4) + 4;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(BAR_WIDTH + 320).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(esc(TITLES.getOrDefault(d.name(), d.name()))).append("\">\n");
        int y = 4;
        for (Share s : d.groups()) {
            long w = s.share().multiply(BigDecimal.valueOf(BAR_WIDTH)).setScale(0, RoundingMode.HALF_EVEN).longValue();
            h.append("<text x=\"0\" y=\"").append(y + BAR_HEIGHT - 5).append("\" font-size=\"12\">").append(esc(shorten(s.group())))
                    .append("</text><rect x=\"200\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" fill=\"").append(s.suppressed() ? "#aaa" : "#3b6ea5").append("\"/><text x=\"").append(205 + w)
                    .append("\" y=\"").append(y + BAR_HEIGHT - 5).append("\" font-size=\"12\">").append(esc(s.percent())).append("</text>\n");
            y += BAR_HEIGHT + 4;
        }
        h.append("</svg>\n");
    }

    private static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "\u2026";
    }

    /** HTML-escapes text for an element or a quoted attribute. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
