package io.fairshare.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.CatalogueSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Re-importing a file yields the same upserts, and applying them again changes nothing. */
class ImportIdempotenceTest {

    interface Import {
        void run(ImportSink sink) throws IOException;
    }

    private static void assertIdempotent(Import importer, int expectedWorks, int expectedShares) throws IOException {
        CatalogueIndex index = new CatalogueIndex();
        Collected first = new Collected();
        importer.run(first);
        int changedFirst = index.applyAll(first.changes);
        CatalogueSnapshot afterFirst = index.snapshot();

        Collected second = new Collected();
        importer.run(second);
        int changedSecond = index.applyAll(second.changes);

        assertEquals(first.changes, second.changes);
        assertEquals(first.reports, second.reports);
        assertEquals(0, changedSecond);
        assertEquals(afterFirst, index.snapshot());
        assertEquals(expectedWorks, afterFirst.works().size());
        assertEquals(expectedShares, afterFirst.shares().size());
        assertEquals(true, changedFirst > 0);
    }

    @Test
    void reimportingTheCsvSampleChangesNothing() throws IOException {
        assertIdempotent(CsvShareImporterTest::importSample, 5, 8);
    }

    @Test
    void reimportingTheCwrSampleChangesNothing() throws IOException {
        assertIdempotent(CwrImporterTest::importSample, 3, 15);
    }
}
