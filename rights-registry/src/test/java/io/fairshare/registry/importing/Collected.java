package io.fairshare.registry.importing;

import io.fairshare.registry.domain.catalogue.CatalogueChange;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for assertions. */
final class Collected implements ImportSink {
    final List<CatalogueChange> changes = new ArrayList<>();
    final List<ImportReport> reports = new ArrayList<>();

    @Override
    public void change(CatalogueChange change) {
        changes.add(change);
    }

    @Override
    public void report(ImportReport report) {
        reports.add(report);
    }

    List<ImportReport> with(ImportReport.Outcome outcome) {
        return reports.stream().filter(r -> r.outcome() == outcome).toList();
    }

    /** "line outcome column code" per report that is not ACCEPTED, for compact exact assertions. */
    List<String> findings() {
        return reports.stream().filter(r -> r.outcome() != ImportReport.Outcome.ACCEPTED)
                .map(r -> r.line() + " " + r.outcome() + " " + r.column() + " " + r.code()).toList();
    }

    List<Long> acceptedLines() {
        return with(ImportReport.Outcome.ACCEPTED).stream().map(ImportReport::line).toList();
    }
}
