package io.fairshare.seeds;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.seeds.SeedSet.Category;
import io.fairshare.seeds.SeedSet.Party;
import io.fairshare.seeds.SeedSet.PartyRole;
import io.fairshare.seeds.SeedSet.RightType;
import io.fairshare.seeds.SeedSet.Share;
import io.fairshare.seeds.SeedSet.Source;
import io.fairshare.seeds.SeedSet.Work;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rights-registry's CSV import format (its README, "CSV import"): RFC 4180, UTF-8, CRLF, a header row, one row
 * per share; the first row of a work carries its title, category and identifiers, its later rows leave them empty.
 * Every row names the party's society, so the registry also records the party's mandate. No validity dates.
 */
final class CatalogueCsv {
    static final List<String> COLUMNS = List.of("work_ref", "title", "category", "identifiers", "party_ref",
            "party_name", "isni", "ipi", "society", "right_type", "territory", "share_bp", "valid_from", "valid_to");
    private static final String CRLF = "\r\n";

    private CatalogueCsv() {
    }

    static void write(List<Work> works, Map<String, Party> parties, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write(CRLF);
        StringBuilder row = new StringBuilder(256);
        for (Work w : works) {
            boolean first = true;
            for (Share s : w.shares()) {
                Party p = parties.get(s.partyId());
                row.setLength(0);
                field(row, w.ref());
                field(row, first ? w.title() : "");
                field(row, first ? w.category().wireName() : "");
                field(row, first ? w.identifiers().stream().map(WorkId::key).collect(Collectors.joining(";")) : "");
                field(row, p.ref());
                field(row, p.name());
                field(row, p.isni() == null ? "" : p.isni());
                field(row, p.ipi() == null ? "" : p.ipi());
                field(row, s.societyId());
                field(row, s.right().name());
                field(row, s.territory());
                field(row, Integer.toString(s.basisPoints()));
                field(row, ""); // valid_from; valid_to, the last field, stays empty
                out.write(row.toString());
                out.write(CRLF);
                first = false;
            }
        }
    }

    private static void field(StringBuilder row, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            row.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            row.append(value);
        }
        row.append(',');
    }

    /** Works (in file order) and parties of a file written by {@link #write}. */
    record Content(List<Work> works, List<Party> parties) {
    }

    static Content read(Reader in) throws IOException {
        List<List<String>> records = parse(in);
        if (records.isEmpty() || !records.get(0).equals(COLUMNS)) {
            throw new IOException("not a seeds catalogue CSV: the header must be " + String.join(",", COLUMNS));
        }
        List<Work> works = new ArrayList<>();
        Map<String, Party> parties = new java.util.LinkedHashMap<>();
        String ref = null;
        String title = null;
        Category category = null;
        List<WorkId> ids = null;
        List<Share> shares = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() != COLUMNS.size()) {
                throw new IOException("CSV record " + (i + 1) + " has " + f.size() + " fields");
            }
            if (!f.get(0).equals(ref)) {
                if (ref != null) {
                    works.add(new Work(ids.get(0).key(), ref, category, ids, title, shares, Source.CSV));
                }
                ref = f.get(0);
                title = f.get(1);
                category = Category.fromWire(f.get(2));
                ids = new ArrayList<>();
                for (String key : f.get(3).split(";")) {
                    IdResult r = Identifiers.parseKey(key);
                    if (!r.isOk()) {
                        throw new IOException("CSV record " + (i + 1) + ": " + r.message());
                    }
                    ids.add(r.id());
                }
                shares = new ArrayList<>();
            }
            String partyRef = f.get(4);
            String isni = f.get(6).isEmpty() ? null : f.get(6);
            String ipi = f.get(7).isEmpty() ? null : f.get(7);
            String id = ipi != null ? "ipi:" + ipi : isni != null ? "isni:" + isni : "ref:" + SeedSet.CSV_SOURCE + ":" + partyRef;
            Party p = new Party(id, partyRef, f.get(5), partyRef.startsWith("P") ? PartyRole.PUBLISHER : PartyRole.CREATOR,
                    f.get(8), isni, ipi);
            parties.putIfAbsent(id, p);
            shares.add(new Share(id, f.get(8), RightType.valueOf(f.get(9)), f.get(10), Integer.parseInt(f.get(11))));
        }
        if (ref != null) {
            works.add(new Work(ids.get(0).key(), ref, category, ids, title, shares, Source.CSV));
        }
        return new Content(works, new ArrayList<>(parties.values()));
    }

    /** RFC 4180 records (quoted fields with doubled quotes and line breaks; CRLF or LF between records). */
    static List<List<String>> parse(Reader in) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[1 << 16];
        int n;
        while ((n = in.read(buf)) != -1) {
            all.append(buf, 0, n);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int len = all.length();
        while (i < len) {
            char c = all.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (i < len) {
                    char q = all.charAt(i);
                    if (q == '"') {
                        if (i + 1 < len && all.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                continue;
            }
            if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                rec.add(field.toString());
                field.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !rec.isEmpty()) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }
}
