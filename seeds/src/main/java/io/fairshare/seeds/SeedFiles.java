package io.fairshare.seeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.fairshare.seeds.SeedSet.BankDetails;
import io.fairshare.seeds.SeedSet.Category;
import io.fairshare.seeds.SeedSet.Licence;
import io.fairshare.seeds.SeedSet.Party;
import io.fairshare.seeds.SeedSet.Platform;
import io.fairshare.seeds.SeedSet.Reservation;
import io.fairshare.seeds.SeedSet.Society;
import io.fairshare.seeds.SeedSet.StatutoryScheme;
import io.fairshare.seeds.SeedSet.Tariff;
import io.fairshare.seeds.SeedSet.Work;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The files of a {@link SeedSet}, in the formats the services take, so that each can be sent as it is:
 *
 * <table>
 *   <caption>Files written by {@link #write}</caption>
 *   <tr><th>File</th><th>Content</th><th>Sent to</th></tr>
 *   <tr><td>{@value #CATALOGUE_CSV}</td><td>every work not in the CWR file, the registry's CSV import format (one row per
 *       share, mandates by the society column)</td><td>registry {@code POST /v1/imports/csv?source=fairshare-seeds}</td></tr>
 *   <tr><td>{@value #CATALOGUE_CWR}</td><td>the most used music works of KOMCA (society 118) as CISAC CWR 2.1</td>
 *       <td>registry {@code POST /v1/imports/cwr}</td></tr>
 *   <tr><td>{@value #SOCIETIES}</td><td>{@code [{id, name, country, categories}]}</td><td>registry {@code POST /v1/societies}</td></tr>
 *   <tr><td>{@value #BANK_DETAILS}</td><td>{@code {societyId: {holderName, country, iban | accountNumber, bic | bankCode}}}</td>
 *       <td>payout {@code PUT /v1/societies/{id}/bank-details}</td></tr>
 *   <tr><td>{@value #PLATFORMS}</td><td>{@code [{id, name, modelId, modelVersion, workloadPercent}]}</td><td>ingest
 *       {@code POST /v1/admin/platforms}</td></tr>
 *   <tr><td>{@value #LICENCES}</td><td>registry licence bodies {@code [{platform, licensor, validFrom, validTo, tariff}]}</td>
 *       <td>registry {@code POST /v1/licences}</td></tr>
 *   <tr><td>{@value #RESERVATIONS}</td><td>registry reservation bodies {@code [{work, source, effectiveFrom}]}</td>
 *       <td>registry {@code POST /v1/reservations}</td></tr>
 *   <tr><td>{@value #TARIFFS}</td><td>settlement tariff bodies {@code [{id, currency, unitRates: [{usageType, unitKind,
 *       amount, per}]}]}</td><td>settlement {@code PUT /v1/tariffs/{id}}</td></tr>
 *   <tr><td>{@value #STATUTORY_SCHEME}</td><td>{@code {tariff, reservedPenaltyMultiplier}}</td><td>settlement
 *       {@code PUT /v1/statutory-scheme}</td></tr>
 *   <tr><td>{@value #SPEC}</td><td>the {@link SeedSpec} the files were generated from</td><td>(documentation; read back)</td></tr>
 * </table>
 *
 * JSON is UTF-8, indented by two spaces, LF line ends, a final LF; decimals in plain notation.
 */
public final class SeedFiles {
    public static final String CATALOGUE_CSV = "catalogue.csv";
    public static final String CATALOGUE_CWR = "catalogue-komca.v21";
    public static final String SOCIETIES = "societies.json";
    public static final String BANK_DETAILS = "bank-details.json";
    public static final String PLATFORMS = "platforms.json";
    public static final String LICENCES = "licences.json";
    public static final String RESERVATIONS = "reservations.json";
    public static final String TARIFFS = "tariffs.json";
    public static final String STATUTORY_SCHEME = "statutory-scheme.json";
    public static final String SPEC = "spec.json";

    /** Every file {@link #write} writes, in a fixed order. */
    public static final List<String> ALL = List.of(SPEC, SOCIETIES, BANK_DETAILS, PLATFORMS, LICENCES, RESERVATIONS,
            TARIFFS, STATUTORY_SCHEME, CATALOGUE_CSV, CATALOGUE_CWR);

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SeedFiles() {
    }

    // ------------------------------------------------------------------ wire forms

    /** A society as {@code POST /v1/societies} takes it (id, name), plus what the demo knows about it. */
    @JsonPropertyOrder({"id", "name", "country", "categories"})
    record SocietyJson(String id, String name, String country, List<Category> categories) {
    }

    /** The registry's licence body. */
    @JsonPropertyOrder({"platform", "licensor", "validFrom", "validTo", "tariff"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LicenceJson(String platform, String licensor, String validFrom, String validTo, String tariff) {
        static LicenceJson of(Licence l) {
            return new LicenceJson(l.platformId(), l.societyId(), date(l.validFrom()), date(l.validTo()), l.tariffId());
        }

        Licence toLicence() {
            return new Licence(platform, licensor, tariff, parse(validFrom), parse(validTo));
        }
    }

    /** The registry's reservation body. */
    @JsonPropertyOrder({"work", "source", "effectiveFrom"})
    record ReservationJson(String work, String source, String effectiveFrom) {
        static ReservationJson of(Reservation r) {
            return new ReservationJson(r.workId(), r.source(), date(r.effectiveFrom()));
        }

        Reservation toReservation() {
            return new Reservation(work, source, parse(effectiveFrom));
        }
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate parse(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    // ------------------------------------------------------------------ writing

    /** Writes every file of {@code set} into {@code dir} (created if missing), replacing what is there. */
    public static void write(SeedSet set, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : render(set).entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** The files' names and bytes, as {@link #write} writes them. */
    public static Map<String, byte[]> render(SeedSet set) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(SPEC, json(set.spec()));
        out.put(SOCIETIES, json(set.societies().stream()
                .map(s -> new SocietyJson(s.id(), s.name(), s.country(), s.categories())).toList()));
        Map<String, BankDetails> bank = new LinkedHashMap<>();
        set.societies().forEach(s -> bank.put(s.id(), s.bankDetails()));
        out.put(BANK_DETAILS, json(bank));
        out.put(PLATFORMS, json(set.platforms()));
        out.put(LICENCES, json(set.licences().stream().map(LicenceJson::of).toList()));
        out.put(RESERVATIONS, json(set.reservations().stream().map(ReservationJson::of).toList()));
        out.put(TARIFFS, json(set.tariffs()));
        out.put(STATUTORY_SCHEME, json(set.statutoryScheme()));
        out.put(CATALOGUE_CSV, catalogueCsv(set));
        out.put(CATALOGUE_CWR, catalogueCwr(set));
        return out;
    }

    /** The CSV import file: every work registered through CSV, in popularity order (UTF-8). */
    public static byte[] catalogueCsv(SeedSet set) {
        return text(StandardCharsets.UTF_8, w -> CatalogueCsv.write(set.csvWorks(), partiesById(set), w));
    }

    /** The CWR file: the music works registered through CWR, in popularity order (ISO-8859-1, all ASCII). */
    public static byte[] catalogueCwr(SeedSet set) {
        return text(StandardCharsets.ISO_8859_1, w -> CatalogueCwr.write(set.cwrWorks(), partiesById(set), w));
    }

    /** {@code value} as the files hold it (indented JSON, LF, a final LF). */
    public static byte[] json(Object value) {
        try {
            return (PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as one line of JSON (request bodies). */
    static String compactJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Party> partiesById(SeedSet set) {
        return set.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private interface TextWriter {
        void write(Writer w) throws IOException;
    }

    private static byte[] text(java.nio.charset.Charset cs, TextWriter body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (Writer w = new OutputStreamWriter(bytes, cs)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ reading

    /** Reads a directory written by {@link #write} back into the {@link SeedSet} it was written from. */
    public static SeedSet read(Path dir) throws IOException {
        SeedSpec spec = JSON.readValue(dir.resolve(SPEC).toFile(), SeedSpec.class);
        List<SocietyJson> societies = JSON.readValue(dir.resolve(SOCIETIES).toFile(), new TypeReference<>() { });
        Map<String, BankDetails> bank = JSON.readValue(dir.resolve(BANK_DETAILS).toFile(), new TypeReference<LinkedHashMap<String, BankDetails>>() { });
        List<Platform> platforms = JSON.readValue(dir.resolve(PLATFORMS).toFile(), new TypeReference<>() { });
        List<LicenceJson> licences = JSON.readValue(dir.resolve(LICENCES).toFile(), new TypeReference<>() { });
        List<ReservationJson> reservations = JSON.readValue(dir.resolve(RESERVATIONS).toFile(), new TypeReference<>() { });
        List<Tariff> tariffs = JSON.readValue(dir.resolve(TARIFFS).toFile(), new TypeReference<>() { });
        StatutoryScheme statutory = JSON.readValue(dir.resolve(STATUTORY_SCHEME).toFile(), StatutoryScheme.class);
        CatalogueCsv.Content csv;
        try (Reader r = Files.newBufferedReader(dir.resolve(CATALOGUE_CSV), StandardCharsets.UTF_8)) {
            csv = CatalogueCsv.read(r);
        }
        CatalogueCwr.Content cwr;
        try (Reader r = Files.newBufferedReader(dir.resolve(CATALOGUE_CWR), StandardCharsets.ISO_8859_1)) {
            cwr = CatalogueCwr.read(r);
        }
        List<Work> works = new ArrayList<>(csv.works());
        works.addAll(cwr.works());
        works.sort(Comparator.comparing(Work::ref));
        Map<String, Party> parties = new LinkedHashMap<>();
        csv.parties().forEach(p -> parties.putIfAbsent(p.id(), p));
        cwr.parties().forEach(p -> parties.putIfAbsent(p.id(), p));
        List<Society> socs = societies.stream()
                .map(s -> new Society(s.id(), s.name(), s.country(), s.categories(), bank.get(s.id()))).toList();
        return new SeedSet(spec, socs, platforms, SeedSet.sortedParties(new ArrayList<>(parties.values())), works,
                licences.stream().map(LicenceJson::toLicence).toList(),
                reservations.stream().map(ReservationJson::toReservation).toList(), tariffs, statutory);
    }
}
