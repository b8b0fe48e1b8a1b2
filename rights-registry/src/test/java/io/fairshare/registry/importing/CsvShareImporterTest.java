package io.fairshare.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertMandate;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertParty;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertShare;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertWork;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvShareImporterTest {
    static final String SAMPLE = "/import/sample-shares.csv";
    private static final Territory WORLD = Territory.WORLD;
    private static final Territory KR = Territory.of("KR");

    static ImportSummary importSample(ImportSink sink) throws IOException {
        try (InputStream in = CsvShareImporterTest.class.getResourceAsStream(SAMPLE)) {
            return new CsvShareImporter("KLWA").importFrom(in, sink);
        }
    }

    private static WorkId id(IdScheme scheme, String raw) {
        return Identifiers.normalize(scheme, raw).id();
    }

    private static LocalDate d(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static PartyId p(String id) {
        return new PartyId(id);
    }

    @Test
    void theSampleFileImportsItsGoodRowsAndRefusesEachBadOneWithItsColumnAndReason() throws IOException {
        Collected sink = new Collected();

        ImportSummary summary = importSample(sink);

        assertEquals(new ImportSummary(21, 8, 1, 11, 0, 25, true), summary);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 14L, 21L), sink.acceptedLines());
        assertEquals(SampleImports.CSV_FINDINGS, sink.findings());
        assertEquals("the TRAINING shares of doi:10.1234/ex.2025.0603 in KR sum to 12000 bp from 2025-06-01: stored as"
                + " claimed; resolution scales them to 10000 bp and marks the lines disputed",
                sink.with(ImportReport.Outcome.WARNING).get(0).message());
        assertEquals("work C-001 was refused on line 9 (identifiers: ISBN 9791188041207 has check digit 7, expected 6)",
                sink.reports.stream().filter(r -> r.line() == 10).findFirst().orElseThrow().message());
        assertEquals("valid_to 2025-04-30 is before valid_from 2025-05-01",
                sink.reports.stream().filter(r -> r.line() == 13).findFirst().orElseThrow().message());
    }

    @Test
    void theSampleFileEmitsExactlyTheseUpsertsInFileOrder() throws IOException {
        Collected sink = new Collected();
        importSample(sink);

        WorkId book = id(IdScheme.ISBN, "9780306406157");
        WorkId newsUrl = id(IdScheme.URL, "https://news.example.kr/2025/06/03/election");
        WorkId newsDoi = id(IdScheme.DOI, "10.1234/ex.2025.0603");
        WorkId script = id(IdScheme.SHA256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        WorkId image = id(IdScheme.SHA256, "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
        WorkId notes = id(IdScheme.DOI, "10.5555/fn.1");
        String scriptTitle = sink.changes.stream().filter(c -> c instanceof UpsertWork w && w.work().key().equals(script))
                .map(c -> ((UpsertWork) c).work().title()).findFirst().orElseThrow();
        Party han = new Party(p("isni:0000000121032683"), "Han, Kang", "0000000121032683", null);
        Party press = new Party(p("ref:KLWA:M-0043"), "Seoul \"Blue\" Press", null, null);
        Party reporter = new Party(p("ipi:00567890100"), "Kim, Reporter", null, "00567890100");
        Party daily = new Party(p("ref:KLWA:J-8"), "Daily Seoul Co., Ltd.", null, null);
        Party writer = new Party(p("ref:KLWA:W-1"), "Oh, Screen", null, null);
        Party photographer = new Party(p("ref:KLWA:P-1"), "Yoon, Photographer", null, null);
        Party ethnographer = new Party(p("ref:KLWA:G-1"), "Kwon, Ethnographer", null, null);
        SocietyId klwa = new SocietyId("KLWA");
        SocietyId knpa = new SocietyId("KNPA");

        List<CatalogueChange> expected = List.of(
                new UpsertWork(new Work(book, List.of(book), "The Cartographer's Daughter, Vol. 1", Category.BOOK, List.of())),
                new UpsertParty(han),
                new UpsertShare(new Share(book, han.id(), RightType.TRAINING, WORLD, 7000, d("2025-01-01"), null)),
                new UpsertMandate(new Mandate(han.id(), klwa, RightType.TRAINING, WORLD, d("2025-01-01"), null)),
                new UpsertParty(press),
                new UpsertShare(new Share(book, press.id(), RightType.TRAINING, WORLD, 3000, d("2025-01-01"), null)),
                new UpsertParty(han),
                new UpsertShare(new Share(book, han.id(), RightType.REPRODUCTION, KR, 10000, null, null)),
                new UpsertMandate(new Mandate(han.id(), klwa, RightType.REPRODUCTION, KR, null, null)),
                new UpsertWork(new Work(newsDoi, List.of(newsUrl, newsDoi), "Election night, live", Category.NEWS_ARTICLE, List.of())),
                new UpsertParty(reporter),
                new UpsertShare(new Share(newsDoi, reporter.id(), RightType.TRAINING, KR, 6000, d("2025-06-01"), d("2025-12-31"))),
                new UpsertMandate(new Mandate(reporter.id(), knpa, RightType.TRAINING, KR, d("2025-06-01"), d("2025-12-31"))),
                new UpsertParty(daily),
                new UpsertShare(new Share(newsDoi, daily.id(), RightType.TRAINING, KR, 6000, d("2025-06-01"), null)),
                new UpsertMandate(new Mandate(daily.id(), knpa, RightType.TRAINING, KR, d("2025-06-01"), null)),
                new UpsertWork(new Work(script, List.of(script), scriptTitle, Category.SCRIPT, List.of())),
                new UpsertParty(writer),
                new UpsertShare(new Share(script, writer.id(), RightType.TRAINING, WORLD, 10000, null, null)),
                new UpsertWork(new Work(image, List.of(image), "Blue Hour", Category.IMAGE, List.of())),
                new UpsertParty(photographer),
                new UpsertShare(new Share(image, photographer.id(), RightType.TRAINING, WORLD, 10000, d("2025-01-01"), null)),
                new UpsertWork(new Work(notes, List.of(notes), "Field notes", Category.OTHER, List.of())),
                new UpsertParty(ethnographer),
                new UpsertShare(new Share(notes, ethnographer.id(), RightType.TRAINING, WORLD, 10000, d("2025-03-01"), null)));

        assertEquals(expected, sink.changes);
        assertEquals("Midnight Line\n(Pilot, draft 3)", scriptTitle.replace("\r\n", "\n"));
        assertEquals("doi:10.1234/ex.2025.0603", newsDoi.key());
        assertEquals("isbn:9780306406157", book.key());
    }

    @Test
    void aHeaderWithoutARequiredColumnRefusesTheFile() throws IOException {
        Collected sink = new Collected();
        String csv = "work_ref,title,category,identifiers,party_ref,party_name,isni,ipi,society,right_type,territory,"
                + "valid_from,valid_to\nB-1,T,book,isbn:9780306406157,M,N,,,,TRAINING,WORLD,2025-01-01,\n";

        ImportSummary summary = new CsvShareImporter("KLWA").importFrom(new StringReader(csv), sink);

        assertEquals(List.of("1 REFUSED share_bp CSV_HEADER"), sink.findings());
        assertEquals(List.of(), sink.changes);
        assertEquals(false, summary.fileValid());
    }

    @Test
    void columnsMayComeInAnyOrderAndAnUnknownColumnIsReportedAndIgnored() throws IOException {
        Collected sink = new Collected();
        String csv = "share_bp,right_type,territory,work_ref,title,category,identifiers,party_ref,party_name,isni,ipi,"
                + "society,valid_from,valid_to,note\n10000,training,kr,B-1,Title,BOOK,ISBN:978-0-306-40615-7,M-1,Name,,,,,,x\n";

        ImportSummary summary = new CsvShareImporter("KLWA").importFrom(
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);

        assertEquals(List.of("1 WARNING note CSV_UNKNOWN_COLUMN"), sink.findings());
        WorkId book = new WorkId(IdScheme.ISBN, "9780306406157");
        assertEquals(new UpsertShare(new Share(book, p("ref:KLWA:M-1"), RightType.TRAINING, KR, 10000, null, null)),
                sink.changes.get(2));
        assertEquals(new ImportSummary(2, 1, 1, 0, 0, 3, true), summary);
    }
}
