package io.fairshare.seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFilesTest {

    @Test
    void theCommittedDataDirectoryIsExactlyWhatTheGeneratorMakesFromTheDemoSpec() throws Exception {
        Path data = Path.of(System.getProperty("fairshare.seeds.data", "data"));
        Map<String, byte[]> expected = SeedFiles.render(SeedGenerator.generate(SeedSpec.demo()));
        try (var files = Files.list(data)) {
            assertEquals(expected.keySet().stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "files in " + data);
        }
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(data.resolve(e.getKey())),
                    e.getKey() + " differs from the generator's output: run GenerateSeeds (see seeds/README.md)");
        }
        long total = expected.values().stream().mapToLong(b -> b.length).sum();
        assertTrue(total < 10_000_000, "the data set should stay a few MB, is " + total);
    }

    @Test
    void readingTheFilesGivesBackTheSeedSetTheyWereWrittenFrom(@TempDir Path dir) throws Exception {
        SeedSet set = SeedGenerator.generate(SeedSpec.small(3_000));
        SeedFiles.write(set, dir);
        SeedSet back = SeedFiles.read(dir);
        assertEquals(set.spec(), back.spec());
        assertEquals(set.societies(), back.societies());
        assertEquals(set.platforms(), back.platforms());
        assertEquals(set.licences(), back.licences());
        assertEquals(set.reservations(), back.reservations());
        assertEquals(set.tariffs(), back.tariffs());
        assertEquals(set.statutoryScheme(), back.statutoryScheme());
        assertEquals(set.parties(), back.parties());
        assertEquals(set.works(), back.works());
        assertEquals(set, back);
    }

    @Test
    void theCsvHasTheRegistryHeaderCrlfLinesAndQuotesNamesWithCommas() {
        SeedSet set = SeedGenerator.generate(SeedSpec.small(500));
        String csv = new String(SeedFiles.catalogueCsv(set), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("work_ref,title,category,identifiers,party_ref,party_name,isni,ipi,society,right_type,"
                + "territory,share_bp,valid_from,valid_to\r\n"));
        assertTrue(csv.contains(",\"KIM, ") || csv.contains(",\"LEE, ") || csv.contains(",\"PARK, "), "music names are quoted");
        assertEquals(csv.split("\r\n", -1).length - 1, csv.split("\n", -1).length - 1, "every line ends in CRLF");
    }

    @Test
    void everyCwrRecordHasItsFixedLengthAndTheTrailerCountsEveryRecord() {
        SeedSet set = SeedGenerator.generate(SeedSpec.small(2_000));
        String cwr = new String(SeedFiles.catalogueCwr(set), StandardCharsets.ISO_8859_1);
        List<String> lines = List.of(cwr.split("\r\n"));
        Map<String, Integer> lengths = Map.of("HDR", 101, "GRH", 28, "GRT", 37, "TRL", 24, "NWR", 260, "SPU", 183,
                "SPT", 58, "SWR", 180, "SWT", 52, "PWR", 110);
        for (String l : lines) {
            assertEquals(lengths.get(l.substring(0, 3)), l.length(), l);
        }
        assertEquals(set.cwrWorks().size(), lines.stream().filter(l -> l.startsWith("NWR")).count());
        String trl = lines.get(lines.size() - 1);
        assertEquals(String.format("TRL00001%08d%08d", set.cwrWorks().size(), lines.size()), trl);
    }
}
