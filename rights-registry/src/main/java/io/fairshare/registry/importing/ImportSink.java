package io.fairshare.registry.importing;

import io.fairshare.registry.domain.catalogue.CatalogueChange;

/**
 * Where an importer sends what it finds, as it reads: the catalogue upserts, and one report per row or record
 * (plus warnings and file-level findings). Nothing is buffered beyond one work, so files of any size stream
 * through.
 */
public interface ImportSink {
    void change(CatalogueChange change);

    void report(ImportReport report);
}
