package io.fairshare.settlement.export;

import io.fairshare.contracts.canonical.CanonicalJson;
import io.fairshare.settlement.domain.statement.PayeeAmount;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV export of statements (RFC 4180: comma-separated, CRLF after every record including the last,
 * a header record, a field quoted with {@code "} when it holds a comma, a quote, CR or LF, and a quote
 * inside a quoted field doubled). UTF-8 without a byte-order mark. One record per statement line;
 * {@code section} says which part of the statement the record belongs to. Amounts are plain decimals
 * with the currency's decimal places; an absent value is an empty field. A value a spreadsheet would
 * run as a formula is written with a leading {@code '} ({@link SpreadsheetCell}).
 */
public final class StatementCsv {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "statement_id", "period", "section", "payee_kind", "payee_id", "platform_id", "society_id", "party_id",
            "work_id", "work_category", "usage_type", "unit_kind", "status", "tariff_id", "priced_with", "disputed",
            "back_claim", "corrects_period", "events", "units", "attributed_units", "amount", "currency");

    private static final String CRLF = "\r\n";

    private StatementCsv() {
    }

    /** Sections: LINE, ADJUSTMENT, VIOLATION (these sum to the statement total) and HELD (disputed, not in the total). */
    public static byte[] export(SocietyStatement s) {
        StringBuilder out = header();
        String kind = s.payee().kind().name();
        String id = s.payee().id();
        for (StatementLine l : s.lines()) {
            line(out, s.statementId(), s.period().id(), "LINE", kind, id, l, s.currency().code());
        }
        for (StatementLine l : s.adjustments()) {
            line(out, s.statementId(), s.period().id(), "ADJUSTMENT", kind, id, l, s.currency().code());
        }
        for (StatementLine l : s.violations()) {
            line(out, s.statementId(), s.period().id(), "VIOLATION", kind, id, l, s.currency().code());
        }
        for (StatementLine l : s.held()) {
            line(out, s.statementId(), s.period().id(), "HELD", kind, id, l, s.currency().code());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sections: OWED (one record per payee, only the payee and amount columns filled), then
     * UNCLAIMED and DISPUTED (the holdback lines). All records together sum to the platform's total.
     */
    public static byte[] export(PlatformStatement s) {
        StringBuilder out = header();
        String currency = s.currency().code();
        for (PayeeAmount p : s.owed()) {
            record(out, s.statementId(), s.period().id(), "OWED", p.payee().kind().name(), p.payee().id(), s.platformId(),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    p.total().toPlainString(), currency);
        }
        for (StatementLine l : s.unclaimed()) {
            line(out, s.statementId(), s.period().id(), "UNCLAIMED", null, null, l, currency);
        }
        for (StatementLine l : s.disputed()) {
            line(out, s.statementId(), s.period().id(), "DISPUTED", null, null, l, currency);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder header() {
        StringBuilder out = new StringBuilder(1024);
        out.append(String.join(",", COLUMNS)).append(CRLF);
        return out;
    }

    private static void line(StringBuilder out, String statementId, String period, String section, String payeeKind, String payeeId,
                             StatementLine l, String currency) {
        record(out, statementId, period, section, payeeKind, payeeId, l.platformId(), l.societyId(), l.partyId(), l.workId(),
                l.workCategory(), l.usageType().wireName(), l.unitKind().wireName(), l.status().name(), l.tariffId(), l.pricedWith(),
                String.valueOf(l.disputed()), String.valueOf(l.backClaim()), l.correctsPeriod(), String.valueOf(l.events()),
                String.valueOf(l.units()), CanonicalJson.plain(l.attributedUnits()), l.amount().toPlainString(), currency);
    }

    private static void record(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(SpreadsheetCell.guard(fields[i])));
        }
        out.append(CRLF);
    }

    /** RFC 4180 field: as is, or in double quotes with inner quotes doubled when it holds , " CR or LF. */
    static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
