package io.fairshare.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.importing.CsvShareImporter;
import io.fairshare.registry.importing.CwrImporter;
import io.fairshare.registry.importing.ImportReport;
import io.fairshare.registry.importing.ImportSink;
import io.fairshare.registry.importing.ImportSummary;
import io.fairshare.seeds.SeedSet.Share;
import io.fairshare.seeds.SeedSet.Work;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated files, read by the rights-registry's own importers (plain Java classes, no Quarkus needed). */
class RegistryImportersTest {
    static final SeedSet DEMO = SeedGeneratorTest.DEMO;

    static final class Collect implements ImportSink {
        final List<CatalogueChange> changes = new ArrayList<>();
        final List<ImportReport> problems = new ArrayList<>();

        @Override
        public void change(CatalogueChange change) {
            changes.add(change);
        }

        @Override
        public void report(ImportReport report) {
            if (report.outcome() != ImportReport.Outcome.ACCEPTED) {
                problems.add(report);
            }
        }
    }

    @Test
    void theRegistryCsvImporterAcceptsEveryRowAndSeesTheWorksSharesAndMandatesOfTheSeedSet() throws Exception {
        Collect sink = new Collect();
        ImportSummary s = new CsvShareImporter(SeedSet.CSV_SOURCE)
                .importFrom(new ByteArrayInputStream(SeedFiles.catalogueCsv(DEMO)), sink);
        assertTrue(s.fileValid());
        assertEquals(List.of(), sink.problems.stream().limit(5).toList());
        long rows = DEMO.csvWorks().stream().mapToLong(w -> w.shares().size()).sum();
        assertEquals(rows, s.accepted());
        check(sink.changes, DEMO.csvWorks());
    }

    @Test
    void theRegistryCwrImporterAcceptsEveryRecordAndSeesTheWorksSharesAndMandatesOfTheSeedSet() throws Exception {
        Collect sink = new Collect();
        ImportSummary s = new CwrImporter().importFrom(new ByteArrayInputStream(SeedFiles.catalogueCwr(DEMO)), sink);
        assertTrue(s.fileValid());
        assertEquals(List.of(), sink.problems.stream().limit(5).toList());
        assertEquals(0, s.refused());
        check(sink.changes, DEMO.cwrWorks());
    }

    /** Works, shares (work, party, right, territory, bp) and mandates (party to society) as the registry reads them. */
    private static void check(List<CatalogueChange> changes, List<Work> works) {
        Set<String> workKeys = new TreeSet<>();
        Set<String> shares = new HashSet<>();
        Set<String> mandates = new HashSet<>();
        for (CatalogueChange c : changes) {
            if (c instanceof CatalogueChange.UpsertWork u) {
                workKeys.add(u.work().key().key() + " " + u.work().category().wireName() + " " + u.work().title());
            } else if (c instanceof CatalogueChange.UpsertShare u) {
                shares.add(u.share().work().key() + " " + u.share().party().value() + " " + u.share().right() + " "
                        + u.share().territory().code() + " " + u.share().basisPoints());
            } else if (c instanceof CatalogueChange.UpsertMandate u) {
                mandates.add(u.mandate().party().value() + " " + u.mandate().right() + " " + u.mandate().society().value());
            }
        }
        assertEquals(works.stream().map(w -> w.workId() + " " + w.category().wireName() + " " + w.title())
                .collect(Collectors.toCollection(TreeSet::new)), workKeys);
        Set<String> expectedShares = new HashSet<>();
        Set<String> expectedMandates = new HashSet<>();
        for (Work w : works) {
            for (Share s : w.shares()) {
                expectedShares.add(w.workId() + " " + s.partyId() + " " + s.right() + " " + s.territory() + " " + s.basisPoints());
                expectedMandates.add(s.partyId() + " " + s.right() + " " + s.societyId());
            }
        }
        assertEquals(expectedShares, shares);
        assertEquals(expectedMandates, mandates);
    }
}
