package io.fairshare.seeds;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.seeds.SeedSet.Category;
import io.fairshare.seeds.SeedSet.Party;
import io.fairshare.seeds.SeedSet.PartyRole;
import io.fairshare.seeds.SeedSet.RightType;
import io.fairshare.seeds.SeedSet.Share;
import io.fairshare.seeds.SeedSet.Source;
import io.fairshare.seeds.SeedSet.Work;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CISAC CWR 2.1 registration file (fixed width, ISO-8859-1, CRLF) of the music society's works, in the layout the
 * rights-registry's {@code CwrImporter} reads (positions from its {@code CwrLayout}; record lengths as in its sample
 * file): HDR (sender: society 118), one NWR group, per work an NWR, for each publisher an SPU and an SPT (WORLD), for
 * each writer an SWR and an SWT (WORLD) and, when the work has a publisher, a PWR linking the writer to it; GRT and
 * TRL with their counts. PR and MR ownership shares are the work's shares (hundredths of a percent = basis points);
 * PR and MR societies are 118, so the registry records mandates to {@code cisac:118}. No SR shares.
 */
final class CatalogueCwr {
    static final String SOCIETY_CODE = "118";
    static final String SENDER_NAME = "KOREA MUSIC COPYRIGHT ASSOCIATION";
    /** The creation and transmission date written in the HDR: fixed, so that the file depends on the seed only. */
    static final String FILE_DATE = "20261121";
    private static final String CRLF = "\r\n";

    private CatalogueCwr() {
    }

    static void write(List<Work> works, Map<String, Party> parties, Writer out) throws IOException {
        long records = 0;
        out.write(record(101, 1, "HDR", 4, "SO", 6, "000000" + SOCIETY_CODE, 15, SENDER_NAME, 60, "01.10", 65, FILE_DATE,
                73, "000000", 79, FILE_DATE));
        records++;
        out.write(record(28, 1, "GRH", 4, "NWR", 7, "00001", 12, "02.10", 17, "0000000000"));
        long groupRecords = 1;
        int tx = 0;
        for (Work w : works) {
            List<Party> writers = new ArrayList<>();
            List<Party> publishers = new ArrayList<>();
            Map<String, Integer> pr = new LinkedHashMap<>();
            Map<String, Integer> mr = new LinkedHashMap<>();
            for (Share s : w.shares()) {
                Party p = parties.get(s.partyId());
                if (s.right() == RightType.PERFORMANCE) {
                    pr.put(p.id(), s.basisPoints());
                    (p.role() == PartyRole.PUBLISHER ? publishers : writers).add(p);
                } else if (s.right() == RightType.MECHANICAL) {
                    mr.put(p.id(), s.basisPoints());
                } else {
                    throw new IllegalArgumentException("CWR carries PR and MR shares only, not " + s.right());
                }
            }
            List<String> lines = new ArrayList<>();
            String prefix = String.format("%08d", tx);
            lines.add(record(260, 1, "NWR", 4, prefix, 12, "00000000", 20, w.title(), 80, "KO", 82, w.ref(),
                    96, w.identifier(IdScheme.ISWC).orElseThrow().value(), 127, "POP", 130, duration(w), 136, "Y",
                    143, "ORI", 260, "N"));
            int rec = 0;
            int pubSeq = 0;
            for (Party p : publishers) {
                lines.add(record(183, 1, "SPU", 4, prefix, 12, seq(++rec), 20, String.format("%02d", ++pubSeq), 22, p.ref(),
                        31, p.name(), 77, "E", 88, p.ipi(), 113, SOCIETY_CODE, 116, share(pr.get(p.id())), 121, SOCIETY_CODE,
                        124, share(mr.get(p.id())), 132, "00000"));
                lines.add(record(58, 1, "SPT", 4, prefix, 12, seq(++rec), 20, p.ref(), 35, share(pr.get(p.id())),
                        40, share(mr.get(p.id())), 45, "00000", 50, "I", 51, "2136", 56, "001"));
            }
            for (Party p : writers) {
                String[] name = p.name().split(", ", 2);
                lines.add(record(180, 1, "SWR", 4, prefix, 12, seq(++rec), 20, p.ref(), 29, name[0], 74,
                        name.length > 1 ? name[1] : "", 105, "CA", 116, p.ipi(), 127, SOCIETY_CODE, 130, share(pr.get(p.id())),
                        135, SOCIETY_CODE, 138, share(mr.get(p.id())), 146, "00000"));
                lines.add(record(52, 1, "SWT", 4, prefix, 12, seq(++rec), 20, p.ref(), 29, share(pr.get(p.id())),
                        34, share(mr.get(p.id())), 39, "00000", 44, "I", 45, "2136", 50, "001"));
                if (!publishers.isEmpty()) {
                    Party pub = publishers.get(0);
                    lines.add(record(110, 1, "PWR", 4, prefix, 12, seq(++rec), 20, pub.ref(), 29, pub.name(), 102, p.ref()));
                }
            }
            for (String l : lines) {
                out.write(l);
            }
            groupRecords += lines.size();
            tx++;
        }
        groupRecords++;
        out.write(record(37, 1, "GRT", 4, "00001", 9, String.format("%08d", tx), 17, String.format("%08d", groupRecords)));
        records += groupRecords + 1;
        out.write(record(24, 1, "TRL", 4, "00001", 9, String.format("%08d", tx), 17, String.format("%08d", records)));
    }

    private static String seq(int n) {
        return String.format("%08d", n);
    }

    private static String share(Integer bp) {
        return String.format("%05d", bp == null ? 0 : bp);
    }

    /** A plausible duration (2:00 to 5:59) derived from the work's reference, as HHMMSS. */
    private static String duration(Work w) {
        int h = Math.floorMod(w.ref().hashCode() * 31 + 7, 240);
        return String.format("00%02d%02d", 2 + h / 60, h % 60);
    }

    /** A fixed-width record of {@code length} characters: pairs of (1-based start, value), blanks elsewhere, CRLF. */
    static String record(int length, Object... startsAndValues) {
        char[] line = new char[length];
        Arrays.fill(line, ' ');
        for (int i = 0; i < startsAndValues.length; i += 2) {
            int start = (Integer) startsAndValues[i] - 1;
            String v = String.valueOf(startsAndValues[i + 1]);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c > 0x7e || c < 0x20) {
                    throw new IllegalArgumentException("CWR fields are printable ASCII: " + v);
                }
                if (start + k >= length) {
                    throw new IllegalArgumentException("\"" + v + "\" overflows the " + length + "-character record");
                }
                line[start + k] = c;
            }
        }
        return new String(line) + CRLF;
    }

    /** Works (in file order) and parties of a file written by {@link #write}. */
    record Content(List<Work> works, List<Party> parties) {
    }

    static Content read(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Work> works = new ArrayList<>();
        Map<String, Party> parties = new LinkedHashMap<>();
        String line;
        String title = null;
        String ref = null;
        WorkId iswc = null;
        List<Party> writers = new ArrayList<>();
        List<Party> publishers = new ArrayList<>();
        Map<String, int[]> shares = new LinkedHashMap<>();
        while ((line = in.readLine()) != null) {
            if (line.length() < 3) {
                continue;
            }
            String type = line.substring(0, 3);
            if (type.equals("NWR") || type.equals("GRT")) {
                if (iswc != null) {
                    works.add(work(iswc, ref, title, writers, publishers, shares));
                    iswc = null;
                }
                if (type.equals("NWR")) {
                    title = field(line, 20, 60);
                    ref = field(line, 82, 14);
                    iswc = Identifiers.normalize(IdScheme.ISWC, field(line, 96, 11)).id();
                    writers = new ArrayList<>();
                    publishers = new ArrayList<>();
                    shares = new LinkedHashMap<>();
                }
            } else if (type.equals("SPU") || type.equals("SWR")) {
                boolean pub = type.equals("SPU");
                String ipRef = field(line, pub ? 22 : 20, 9);
                String name = pub ? field(line, 31, 45) : field(line, 29, 45) + ", " + field(line, 74, 30);
                String ipi = field(line, pub ? 88 : 116, 11);
                String society = "cisac:" + field(line, pub ? 113 : 127, 3);
                Party p = new Party("ipi:" + ipi, ipRef, name, pub ? PartyRole.PUBLISHER : PartyRole.CREATOR, society, null, ipi);
                parties.putIfAbsent(p.id(), p);
                (pub ? publishers : writers).add(p);
                shares.put(p.id(), new int[] {Integer.parseInt(field(line, pub ? 116 : 130, 5)),
                        Integer.parseInt(field(line, pub ? 124 : 138, 5))});
            }
        }
        return new Content(works, new ArrayList<>(parties.values()));
    }

    private static Work work(WorkId iswc, String ref, String title, List<Party> writers, List<Party> publishers,
                             Map<String, int[]> shares) {
        List<Party> holders = new ArrayList<>(writers);
        holders.addAll(publishers);
        List<Share> out = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (Party p : holders) {
                out.add(new Share(p.id(), p.societyId(), r == 0 ? RightType.PERFORMANCE : RightType.MECHANICAL,
                        SeedSet.SHARE_TERRITORY, shares.get(p.id())[r]));
            }
        }
        return new Work(iswc.key(), ref, Category.MUSIC, List.of(iswc), title, out, Source.CWR);
    }

    private static String field(String line, int start, int size) {
        int from = Math.min(start - 1, line.length());
        int to = Math.min(start - 1 + size, line.length());
        return line.substring(from, to).trim();
    }
}
