package io.fairshare.registry.importing;

/**
 * Totals of one import.
 *
 * @param lines     physical lines read
 * @param accepted  rows or records imported
 * @param warnings  warnings reported (about accepted rows or records, e.g. over-claims)
 * @param refused   rows or records refused (including file-level findings)
 * @param ignored   records of types the importer does not map
 * @param changes   catalogue changes emitted
 * @param fileValid false when a file-level check failed (CSV header, CWR structure or trailer counts): the
 *                  caller should then discard the changes of this import rather than apply them
 */
public record ImportSummary(long lines, long accepted, long warnings, long refused, long ignored, long changes,
                            boolean fileValid) {
}
