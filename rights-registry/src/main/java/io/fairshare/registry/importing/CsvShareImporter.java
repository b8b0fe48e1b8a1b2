package io.fairshare.registry.importing;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.PartyIds;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.scope.Validity;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.OverClaims;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports a CSV file (RFC 4180, UTF-8, header row) with one row per share; the columns are in {@link #COLUMNS}
 * and in the module README ("CSV import"). Rows of one work are consecutive and share a {@code work_ref}; the first
 * row of a work carries its identifiers, title and category, later rows may leave them empty (or must repeat them
 * exactly). Each accepted row emits, in this order: the work (first row of a work only), the party, the share, and
 * a mandate when {@code society} is given. Each row gets one report: accepted, or refused with its column and
 * reason. Over-claims are reported as warnings on the first row of the work and imported as claimed.
 */
public final class CsvShareImporter {
    /** The columns, in their usual order (any order is accepted; the header names them). */
    public static final List<String> COLUMNS = List.of("work_ref", "title", "category", "identifiers", "party_ref",
            "party_name", "isni", "ipi", "society", "right_type", "territory", "share_bp", "valid_from", "valid_to");

    private final String source;

    /** @param source who sent the file, used in the ids of parties without IPI or ISNI ({@code ref:<source>:<party_ref>}) */
    public CsvShareImporter(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public ImportSummary importFrom(InputStream in, ImportSink sink) throws IOException {
        return importFrom(new InputStreamReader(in, StandardCharsets.UTF_8), sink);
    }

    public ImportSummary importFrom(Reader reader, ImportSink sink) throws IOException {
        Tally out = new Tally(sink);
        CsvReader csv = new CsvReader(reader);
        CsvReader.Record header = csv.next();
        if (header == null) {
            out.fileError(1, null, "CSV_EMPTY", "the file is empty; expected a header row: " + String.join(",", COLUMNS));
            return out.summary(csv.linesRead());
        }
        Map<String, Integer> at = header(header, out);
        if (at == null) {
            return out.summary(csv.linesRead());
        }
        Group group = null;
        CsvReader.Record rec;
        while ((rec = csv.next()) != null) {
            if (rec.isBlank()) {
                continue;
            }
            if (rec.error() != null) {
                out.report(ImportReport.refused(rec.line(), columnName(header, rec.column()), "CSV_SYNTAX", rec.error()));
                continue;
            }
            if (rec.fields().size() != header.fields().size()) {
                out.report(ImportReport.refused(rec.line(), null, "CSV_FIELD_COUNT", "the row has "
                        + rec.fields().size() + " fields, the header " + header.fields().size()));
                continue;
            }
            Row row = new Row(rec, at);
            String ref = row.get("work_ref");
            if (ref.isEmpty()) {
                out.report(ImportReport.refused(rec.line(), "work_ref", "FIELD_REQUIRED", "work_ref is required"));
                continue;
            }
            if (group == null || !group.ref.equals(ref)) {
                if (group != null) {
                    group.close(out);
                }
                group = new Group(ref, rec.line());
            }
            importRow(row, group, out);
        }
        if (group != null) {
            group.close(out);
        }
        return out.summary(csv.linesRead());
    }

    private static String columnName(CsvReader.Record header, int column) {
        return column >= 1 && column <= header.fields().size() ? header.fields().get(column - 1).trim() : null;
    }

    private static Map<String, Integer> header(CsvReader.Record header, Tally out) {
        if (header.error() != null) {
            out.fileError(header.line(), null, "CSV_HEADER", "the header row is malformed: " + header.error());
            return null;
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (at.putIfAbsent(name, i) != null) {
                out.fileError(header.line(), name, "CSV_HEADER", "column " + name + " appears twice in the header");
                return null;
            }
            if (!COLUMNS.contains(name)) {
                out.report(ImportReport.warning(header.line(), name, "CSV_UNKNOWN_COLUMN",
                        "column " + name + " is not one of " + String.join(",", COLUMNS) + " and is ignored"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!at.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            out.fileError(header.line(), missing.get(0), "CSV_HEADER", "the header lacks column(s) "
                    + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS));
            return null;
        }
        return at;
    }

    /** The rows of one work_ref read so far. */
    private static final class Group {
        final String ref;
        final long firstLine;
        Work work;
        boolean workEmitted;
        String title;
        Category category;
        Set<WorkId> identifiers;
        /** Why the work itself was refused, or null. */
        String refusal;
        final List<Share> shares = new ArrayList<>();

        Group(String ref, long firstLine) {
            this.ref = ref;
            this.firstLine = firstLine;
        }

        void close(Tally out) {
            for (OverClaims.OverClaim oc : OverClaims.find(shares)) {
                out.report(ImportReport.warning(firstLine, "share_bp", "OVER_CLAIM", "the " + oc.right() + " shares of "
                        + oc.work().key() + " in " + oc.territory() + " sum to " + oc.totalBasisPoints() + " bp"
                        + (oc.from() == null ? "" : " from " + oc.from()) + ": stored as claimed; resolution scales"
                        + " them to 10000 bp and marks the lines disputed"));
            }
        }
    }

    private static final class Row {
        final CsvReader.Record rec;
        final Map<String, Integer> at;

        Row(CsvReader.Record rec, Map<String, Integer> at) {
            this.rec = rec;
            this.at = at;
        }

        String get(String column) {
            return rec.fields().get(at.get(column)).trim();
        }

        long line() {
            return rec.line();
        }
    }

    /** Thrown inside row parsing only, to carry the first problem of a row to its report. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String column;
        final String code;

        Refusal(String column, String code, String message) {
            super(message, null, false, false);
            this.column = column;
            this.code = code;
        }
    }

    private void importRow(Row row, Group group, Tally out) {
        List<CatalogueChange> changes = new ArrayList<>(4);
        try {
            if (group.refusal != null) {
                throw new Refusal("work_ref", "WORK_REFUSED", "work " + group.ref + " was refused on line "
                        + group.firstLine + " (" + group.refusal + ")");
            }
            if (group.work == null) {
                try {
                    group.identifiers = identifiers(row.get("identifiers"));
                    group.title = required(row, "title");
                    group.category = category(row.get("category"));
                } catch (Refusal r) {
                    group.refusal = r.column + ": " + r.getMessage();
                    throw r;
                }
                group.work = Work.of(List.copyOf(group.identifiers), group.title, group.category);
            } else {
                sameAsFirst(row, group);
            }
            if (!group.workEmitted) {
                changes.add(new CatalogueChange.UpsertWork(group.work));
            }
            String isni = partyId(row, "isni");
            String ipi = partyId(row, "ipi");
            String partyRef = required(row, "party_ref");
            PartyId partyId = PartyKeys.of(ipi, isni, source, partyRef);
            Party party = new Party(partyId, required(row, "party_name"), isni, ipi);
            RightType right = RightType.parse(required(row, "right_type")).orElseThrow(() -> new Refusal("right_type",
                    "RIGHT_TYPE_UNKNOWN", "right_type must be one of TRAINING, REPRODUCTION, MECHANICAL, PERFORMANCE,"
                    + " SYNCHRONISATION; was " + row.get("right_type")));
            Territory territory = Territory.parse(required(row, "territory")).orElseThrow(() -> new Refusal(
                    "territory", "TERRITORY_UNKNOWN", "territory must be an ISO 3166-1 alpha-2 code or WORLD; was "
                    + row.get("territory")));
            int bp = basisPoints(row);
            LocalDate from = date(row, "valid_from");
            LocalDate to = date(row, "valid_to");
            String problem = Validity.problem(from, to);
            if (problem != null) {
                throw new Refusal("valid_to", "VALIDITY_RANGE", problem);
            }
            Share share = new Share(group.work.key(), partyId, right, territory, bp, from, to);
            changes.add(new CatalogueChange.UpsertParty(party));
            changes.add(new CatalogueChange.UpsertShare(share));
            String society = row.get("society");
            if (!society.isEmpty()) {
                changes.add(new CatalogueChange.UpsertMandate(
                        new Mandate(partyId, new SocietyId(society), right, territory, from, to)));
            }
            group.shares.add(share);
        } catch (Refusal r) {
            out.report(ImportReport.refused(row.line(), r.column, r.code, r.getMessage()));
            return;
        }
        group.workEmitted = true;
        changes.forEach(out::change);
        out.report(ImportReport.accepted(row.line()));
    }

    private void sameAsFirst(Row row, Group group) throws Refusal {
        String ids = row.get("identifiers");
        if (!ids.isEmpty() && !identifiers(ids).equals(group.identifiers)) {
            throw new Refusal("identifiers", "WORK_INCONSISTENT", "identifiers differ from those of work "
                    + group.ref + " on line " + group.firstLine + "; leave them empty or repeat them exactly");
        }
        String title = row.get("title");
        if (!title.isEmpty() && !title.equals(group.title)) {
            throw new Refusal("title", "WORK_INCONSISTENT", "title differs from \"" + group.title + "\" given for work "
                    + group.ref + " on line " + group.firstLine);
        }
        String category = row.get("category");
        if (!category.isEmpty() && category(category) != group.category) {
            throw new Refusal("category", "WORK_INCONSISTENT", "category differs from " + group.category.wireName()
                    + " given for work " + group.ref + " on line " + group.firstLine);
        }
    }

    /** Parses "scheme:value;scheme:value" into canonical identifiers (duplicates dropped). */
    private static Set<WorkId> identifiers(String raw) throws Refusal {
        Set<WorkId> out = new LinkedHashSet<>();
        if (raw.isEmpty()) {
            throw new Refusal("identifiers", "FIELD_REQUIRED", "identifiers are required on the first row of a"
                    + " work, as scheme:value pairs separated by ';' (e.g. iswc:T0345246801;isrc:KRA011200001)");
        }
        for (String part : raw.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new Refusal("identifiers", "IDENTIFIER_SYNTAX", "\"" + p + "\" is not scheme:value");
            }
            String scheme = p.substring(0, colon).trim();
            IdScheme s = IdScheme.fromWire(scheme).orElseThrow(() -> new Refusal("identifiers",
                    "IDENTIFIER_SCHEME_UNKNOWN", "unknown identifier scheme \"" + scheme
                    + "\"; expected iswc, isrc, isbn, isan, doi, url or sha256"));
            IdResult r = Identifiers.normalize(s, p.substring(colon + 1).trim());
            if (!r.isOk()) {
                throw new Refusal("identifiers", r.errorCode(), r.message());
            }
            out.add(r.id());
        }
        if (out.isEmpty()) {
            throw new Refusal("identifiers", "FIELD_REQUIRED", "identifiers are required on the first row of a work");
        }
        return out;
    }

    private static String required(Row row, String column) throws Refusal {
        String v = row.get(column);
        if (v.isEmpty()) {
            throw new Refusal(column, "FIELD_REQUIRED", column + " is required");
        }
        return v;
    }

    private static Category category(String raw) throws Refusal {
        if (raw.isEmpty()) {
            throw new Refusal("category", "FIELD_REQUIRED", "category is required on the first row of a work");
        }
        return Category.fromWire(raw).orElseThrow(() -> new Refusal("category", "CATEGORY_UNKNOWN",
                "category must be one of music, book, news-article, script, comic, image, video, other; was " + raw));
    }

    private static String partyId(Row row, String column) throws Refusal {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            return null;
        }
        PartyIds.PartyIdResult r = column.equals("isni") ? PartyIds.normalizeIsni(raw) : PartyIds.normalizeIpi(raw);
        if (!r.isOk()) {
            throw new Refusal(column, r.errorCode(), r.message());
        }
        return r.value();
    }

    private static int basisPoints(Row row) throws Refusal {
        String raw = required(row, "share_bp");
        if (!raw.matches("[0-9]{1,5}")) {
            throw new Refusal("share_bp", "SHARE_SYNTAX", "share_bp must be a whole number of basis points"
                    + " (10000 = 100%); was " + raw);
        }
        int bp = Integer.parseInt(raw);
        if (bp < 1 || bp > 10_000) {
            throw new Refusal("share_bp", "SHARE_RANGE", "share_bp must be 1..10000; was " + bp);
        }
        return bp;
    }

    private static LocalDate date(Row row, String column) throws Refusal {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new Refusal(column, "DATE_SYNTAX", column + " must be a date as YYYY-MM-DD; was " + raw);
        }
    }
}
