package io.fairshare.registry.importing;

import java.util.List;

/**
 * What the sample files in {@code src/test/resources/import/} must produce, line by line
 * ({@code "<line> <outcome> <column> <code>"}): one statement of the expectation, checked both
 * against the importers alone and through the service's import API.
 */
public final class SampleImports {
    /** sample-cwr21.v21: every finding, in line order. */
    public static final List<String> CWR_FINDINGS = List.of(
            "10 WARNING null OVER_CLAIM",
            "17 REFUSED ISWC (96-106) ISWC_MISSING",
            "18 REFUSED null CWR_TRANSACTION_REFUSED",
            "19 REFUSED null CWR_TRANSACTION_REFUSED",
            "21 REFUSED PR Ownership Share (116-120) CWR_NUMERIC",
            "23 REFUSED TIS Numeric Code (51-54) TIS_NOT_SUPPORTED",
            "26 REFUSED Interested Party # (20-28) CWR_UNKNOWN_PARTY",
            "27 REFUSED SR Ownership Share (146-150) CWR_RECORD_TOO_SHORT",
            "28 REFUSED Publisher IP # (20-28) CWR_UNKNOWN_PARTY",
            "29 REFUSED Transaction Sequence # (4-11) CWR_SEQUENCE",
            "30 REFUSED Record Type (1-3) CWR_RECORD_TYPE",
            "31 IGNORED null CWR_RECORD_NOT_IMPORTED",
            "33 WARNING Transaction Type (4-6) CWR_GROUP_NOT_IMPORTED",
            "34 IGNORED null CWR_TRANSACTION_NOT_IMPORTED",
            "35 IGNORED null CWR_RECORD_NOT_IMPORTED");

    /** sample-shares.csv: every finding, in line order. */
    public static final List<String> CSV_FINDINGS = List.of(
            "5 WARNING share_bp OVER_CLAIM",
            "9 REFUSED identifiers ISBN_CHECK_DIGIT",
            "10 REFUSED work_ref WORK_REFUSED",
            "11 REFUSED share_bp SHARE_RANGE",
            "12 REFUSED territory TERRITORY_UNKNOWN",
            "13 REFUSED valid_to VALIDITY_RANGE",
            "15 REFUSED right_type RIGHT_TYPE_UNKNOWN",
            "16 REFUSED ipi IPI_CHECK_DIGITS",
            "17 REFUSED null CSV_FIELD_COUNT",
            "18 REFUSED title CSV_SYNTAX",
            "19 REFUSED category CATEGORY_UNKNOWN",
            "20 REFUSED valid_from DATE_SYNTAX");

    private SampleImports() {
    }
}
