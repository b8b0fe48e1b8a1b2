package io.fairshare.registry.importing;

import io.fairshare.registry.domain.catalogue.CatalogueChange;

/** Counts what passes to the caller's sink, for the {@link ImportSummary}. */
final class Tally implements ImportSink {
    private final ImportSink sink;
    long accepted;
    long warnings;
    long refused;
    long ignored;
    long changes;
    boolean fileValid = true;

    Tally(ImportSink sink) {
        this.sink = sink;
    }

    @Override
    public void change(CatalogueChange change) {
        changes++;
        sink.change(change);
    }

    @Override
    public void report(ImportReport report) {
        switch (report.outcome()) {
            case ACCEPTED: accepted++; break;
            case WARNING: warnings++; break;
            case REFUSED: refused++; break;
            case IGNORED: ignored++; break;
            default: throw new IllegalStateException(report.outcome().name());
        }
        sink.report(report);
    }

    /** A finding about the file as a whole: refused, and the import's changes should not be applied. */
    void fileError(long line, String column, String code, String message) {
        fileValid = false;
        report(ImportReport.refused(line, column, code, message));
    }

    ImportSummary summary(long lines) {
        return new ImportSummary(lines, accepted, warnings, refused, ignored, changes, fileValid);
    }
}
