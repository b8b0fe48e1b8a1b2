package io.fairshare.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertMandate;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertParty;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertShare;
import io.fairshare.registry.domain.catalogue.CatalogueChange.UpsertWork;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.resolution.Resolution;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CwrImporterTest {
    static final String SAMPLE = "/import/sample-cwr21.v21";
    private static final Territory WORLD = Territory.WORLD;
    private static final Territory KR = Territory.of("KR");
    private static final WorkId SEOUL_NIGHTS = new WorkId(IdScheme.ISWC, "T0345246801");
    private static final WorkId RIVER_OF_STARS = new WorkId(IdScheme.ISWC, "T1122334454");
    private static final WorkId HARBOUR_LIGHTS = new WorkId(IdScheme.ISWC, "T9876543214");

    static ImportSummary importSample(ImportSink sink) throws IOException {
        try (InputStream in = CwrImporterTest.class.getResourceAsStream(SAMPLE)) {
            return new CwrImporter().importFrom(in, sink);
        }
    }

    static List<String> sampleLines() throws IOException {
        try (InputStream in = CwrImporterTest.class.getResourceAsStream(SAMPLE)) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r?\n")));
        }
    }

    private static PartyId p(String id) {
        return new PartyId(id);
    }

    @Test
    void theSampleFileImportsItsWorksAndReportsEveryMalformedRecord() throws IOException {
        Collected sink = new Collected();

        ImportSummary summary = importSample(sink);

        assertEquals(new ImportSummary(37, 24, 2, 10, 3, 34, true), summary);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 20L, 22L, 24L, 25L,
                32L, 33L, 36L, 37L), sink.acceptedLines());
        assertEquals(SampleImports.CWR_FINDINGS, sink.findings());
        assertEquals("PR Ownership Share must be 5 digits; was \"05X00\"", message(sink, 21));
        assertEquals("the SWR record is 100 characters long; at least 150 are needed (through SR Ownership Share)",
                message(sink, 27));
        assertEquals("the MECHANICAL ownership shares of iswc:T1122334454 in WORLD sum to 11000 bp: stored as claimed;"
                + " resolution scales them to 10000 bp and marks the lines disputed", message(sink, 10));
    }

    private static String message(Collected sink, long line) {
        return sink.reports.stream().filter(r -> r.line() == line && r.outcome() != ImportReport.Outcome.ACCEPTED)
                .findFirst().orElseThrow().message();
    }

    @Test
    void theSampleFileEmitsExactlyTheseUpserts() throws IOException {
        Collected sink = new Collected();
        importSample(sink);

        Party hangang = new Party(p("ipi:00123456790"), "HANGANG MUSIC PUBLISHING", null, "00123456790");
        Party kim = new Party(p("ipi:00234567855"), "KIM, MINJI", null, "00234567855");
        Party starlight = new Party(p("ref:cwr-000000123:STAR01"), "STARLIGHT EDITIONS", null, null);
        Party lee = new Party(p("ipi:00345678920"), "LEE, JIHO", null, "00345678920");
        Party gwangju = new Party(p("ref:cwr-000000123:PUB4"), "GWANGJU TUNES", null, null);
        Party park = new Party(p("ipi:00456789005"), "PARK, SEOYEON", null, "00456789005");
        SocietyId komca = new SocietyId("cisac:118");
        SocietyId prs = new SocietyId("cisac:052");
        SocietyId mcps = new SocietyId("cisac:044");
        RightType pr = RightType.PERFORMANCE;
        RightType mr = RightType.MECHANICAL;

        List<CatalogueChange> expected = List.of(
                new UpsertWork(new Work(SEOUL_NIGHTS, List.of(SEOUL_NIGHTS), "SEOUL NIGHTS", Category.MUSIC, List.of("NIGHTS IN SEOUL"))),
                new UpsertParty(hangang),
                new UpsertParty(kim),
                share(SEOUL_NIGHTS, hangang, pr, WORLD, 5000),
                share(SEOUL_NIGHTS, hangang, pr, KR, 5000),
                share(SEOUL_NIGHTS, kim, pr, KR, 5000),
                share(SEOUL_NIGHTS, hangang, mr, WORLD, 10000),
                share(SEOUL_NIGHTS, hangang, RightType.SYNCHRONISATION, WORLD, 10000),
                mandate(hangang, komca, pr, WORLD),
                mandate(hangang, komca, mr, WORLD),
                mandate(kim, komca, pr, KR),

                new UpsertWork(new Work(RIVER_OF_STARS, List.of(RIVER_OF_STARS), "RIVER OF STARS", Category.MUSIC, List.of())),
                new UpsertParty(starlight),
                new UpsertParty(lee),
                share(RIVER_OF_STARS, starlight, pr, WORLD, 5000),
                share(RIVER_OF_STARS, lee, pr, WORLD, 5000),
                share(RIVER_OF_STARS, lee, pr, KR, 5000),
                share(RIVER_OF_STARS, starlight, mr, WORLD, 6000),
                share(RIVER_OF_STARS, lee, mr, WORLD, 5000),
                share(RIVER_OF_STARS, lee, mr, KR, 5000),
                mandate(starlight, prs, pr, WORLD),
                mandate(starlight, mcps, mr, WORLD),
                mandate(lee, komca, pr, WORLD),
                mandate(lee, komca, mr, WORLD),

                new UpsertWork(new Work(HARBOUR_LIGHTS, List.of(HARBOUR_LIGHTS), "HARBOUR LIGHTS", Category.MUSIC, List.of())),
                new UpsertParty(gwangju),
                new UpsertParty(park),
                share(HARBOUR_LIGHTS, park, pr, WORLD, 5000),
                share(HARBOUR_LIGHTS, gwangju, pr, KR, 5000),
                share(HARBOUR_LIGHTS, park, pr, KR, 5000),
                share(HARBOUR_LIGHTS, gwangju, mr, KR, 10000),
                mandate(gwangju, komca, pr, KR),
                mandate(gwangju, komca, mr, KR),
                mandate(park, komca, pr, WORLD));

        assertEquals(expected, sink.changes);
    }

    private static UpsertShare share(WorkId work, Party party, RightType right, Territory territory, int bp) {
        return new UpsertShare(new Share(work, party.id(), right, territory, bp, null, null));
    }

    private static UpsertMandate mandate(Party party, SocietyId society, RightType right, Territory territory) {
        return new UpsertMandate(new Mandate(party.id(), society, right, territory, null, null));
    }

    @Test
    void importedCwrWorksResolveThroughTheTrainingFallbackToTheirMechanicalShares() throws IOException {
        Collected sink = new Collected();
        importSample(sink);
        CatalogueIndex index = new CatalogueIndex();
        index.applyAll(sink.changes);
        Resolver resolver = new Resolver(index);
        Instant at = Instant.parse("2025-06-01T00:00:00Z");

        Resolution.Matched seoul = (Resolution.Matched) resolver.resolve(
                new UsageQuery(new PlatformId("platform-a"), List.of(SEOUL_NIGHTS), at, KR));
        Resolution.Matched riverInJapan = (Resolution.Matched) resolver.resolve(
                new UsageQuery(new PlatformId("platform-a"), List.of(RIVER_OF_STARS), at, Territory.of("JP")));
        Resolution.Matched riverInKorea = (Resolution.Matched) resolver.resolve(
                new UsageQuery(new PlatformId("platform-a"), List.of(RIVER_OF_STARS), at, KR));

        assertEquals(RightType.MECHANICAL, seoul.rightType());
        assertEquals(List.of("ipi:00123456790 cisac:118 10000 UNLICENSED false"), lines(seoul));
        assertEquals(List.of("ipi:00345678920 cisac:118 4545 UNLICENSED true",
                "ref:cwr-000000123:STAR01 cisac:044 5455 UNLICENSED true"), lines(riverInJapan));
        assertEquals(List.of("ipi:00345678920 cisac:118 5000 UNLICENSED false", "- - 5000 UNCLAIMED false"),
                lines(riverInKorea));
    }

    private static List<String> lines(Resolution.Matched m) {
        return m.lines().stream().map(l -> (l.party() == null ? "-" : l.party().value()) + " "
                + (l.society() == null ? "-" : l.society().value()) + " " + l.basisPoints() + " " + l.status() + " "
                + l.disputed()).toList();
    }

    @Test
    void trailerCountsThatDoNotMatchTheFileMakeItInvalid() throws IOException {
        List<String> lines = sampleLines();
        assertEquals("GRT000010000000400000031", lines.get(31).substring(0, 24));
        assertEquals("TRL000020000000500000037", lines.get(36));
        lines.set(31, "GRT000010000000400000030" + lines.get(31).substring(24));
        lines.set(36, "TRL000020000000600000037");
        Collected sink = new Collected();

        ImportSummary summary = new CwrImporter().importFrom(new StringReader(String.join("\r\n", lines)), sink);

        assertFalse(summary.fileValid());
        List<String> counts = sink.findings().stream().filter(f -> f.endsWith("CWR_COUNT_MISMATCH")).toList();
        assertEquals(List.of("32 REFUSED Record Count (17-24) CWR_COUNT_MISMATCH",
                "37 REFUSED Transaction Count (9-16) CWR_COUNT_MISMATCH"), counts);
        assertEquals("the group trailer declares 30 records, the group has 31 (GRH and GRT included)", message(sink, 32));
        assertEquals("the trailer declares 6 transactions, the file has 5", message(sink, 37));
    }

    @Test
    void aFileWithoutHeaderOrTrailerIsInvalid() throws IOException {
        List<String> lines = sampleLines();
        Collected sink = new Collected();

        ImportSummary summary = new CwrImporter().importFrom(
                new StringReader(String.join("\n", lines.subList(1, 32))), sink);

        assertFalse(summary.fileValid());
        assertEquals(List.of("1 REFUSED Record Type (1-3) CWR_STRUCTURE", "31 REFUSED null CWR_STRUCTURE"),
                sink.findings().stream().filter(f -> f.endsWith("CWR_STRUCTURE")).toList());
    }
}
