package io.fairshare.registry.importing;

/**
 * What became of one row (CSV) or record (CWR), or a finding about a group of them.
 *
 * @param line    1-based physical line number in the file (of the first line, for a CSV record spanning lines)
 * @param outcome see {@link Outcome}
 * @param column  the column (CSV header name) or field (CWR field name and 1-based start position) at fault;
 *                null when the report is about the whole row or record
 * @param code    a stable machine code, e.g. "SHARE_RANGE", "CWR_COUNT_MISMATCH"; null when accepted
 * @param message a sentence that says what is wrong and what was expected; null when accepted
 */
public record ImportReport(long line, Outcome outcome, String column, String code, String message) {

    public enum Outcome {
        /** Imported. */
        ACCEPTED,
        /** Imported, with something worth a look (e.g. an over-claim, stored and flagged). */
        WARNING,
        /** Not imported, for the reason given. */
        REFUSED,
        /** A record type the importer does not map (counted, not imported). */
        IGNORED
    }

    public static ImportReport accepted(long line) {
        return new ImportReport(line, Outcome.ACCEPTED, null, null, null);
    }

    public static ImportReport refused(long line, String column, String code, String message) {
        return new ImportReport(line, Outcome.REFUSED, column, code, message);
    }

    public static ImportReport warning(long line, String column, String code, String message) {
        return new ImportReport(line, Outcome.WARNING, column, code, message);
    }

    public static ImportReport ignored(long line, String code, String message) {
        return new ImportReport(line, Outcome.IGNORED, null, code, message);
    }
}
