package io.fairshare.seeds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the demo data set holds, as plain records, so that tests can compute what the services should make of
 * it independently of the services. Ids are the ones the services use: a work's {@link Work#workId()} is the
 * registry's work key ({@code scheme:value} of its highest-priority identifier), a party's {@link Party#id()} the
 * registry's party id ({@code ipi:…}, {@code isni:…} or {@code ref:fairshare-seeds:…}).
 *
 * <p>{@link #works()} is in popularity order: the work at index {@code i} has Zipf rank {@code i + 1} in
 * {@link UsageWorkload}.
 */
public record SeedSet(
        SeedSpec spec,
        List<Society> societies,
        List<Platform> platforms,
        List<Party> parties,
        List<Work> works,
        List<Licence> licences,
        List<Reservation> reservations,
        List<Tariff> tariffs,
        StatutoryScheme statutoryScheme) {

    /** The {@code source} the CSV file is imported under: parties without IPI or ISNI become {@code ref:<source>:<ref>}. */
    public static final String CSV_SOURCE = "fairshare-seeds";
    /** Every share, mandate and event territory of the demo. */
    public static final String SHARE_TERRITORY = "WORLD";
    /** Territory of every usage event. */
    public static final String USAGE_TERRITORY = "KR";
    public static final String CURRENCY = "KRW";

    public SeedSet {
        societies = List.copyOf(societies);
        platforms = List.copyOf(platforms);
        parties = List.copyOf(parties);
        works = List.copyOf(works);
        licences = List.copyOf(licences);
        reservations = List.copyOf(reservations);
        tariffs = List.copyOf(tariffs);
        Objects.requireNonNull(statutoryScheme, "statutoryScheme");
    }

    public Optional<Society> society(String id) {
        return societies.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Party> party(String id) {
        return parties.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Tariff> tariff(String id) {
        return tariffs.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The licence between a platform and a society, if any (the demo's licences have no end). */
    public Optional<Licence> licence(String platformId, String societyId) {
        return licences.stream().filter(l -> l.platformId().equals(platformId) && l.societyId().equals(societyId)).findFirst();
    }

    public boolean isReserved(String workId) {
        return reservations.stream().anyMatch(r -> r.workId().equals(workId));
    }

    /** Works by their registry key, in popularity order. */
    public Map<String, Work> worksById() {
        Map<String, Work> m = new LinkedHashMap<>();
        works.forEach(w -> m.put(w.workId(), w));
        return m;
    }

    /** The works registered through the CWR file. */
    public List<Work> cwrWorks() {
        return works.stream().filter(w -> w.source() == Source.CWR).toList();
    }

    /** The works registered through the CSV file. */
    public List<Work> csvWorks() {
        return works.stream().filter(w -> w.source() == Source.CSV).toList();
    }

    // ------------------------------------------------------------------ records

    /** The kinds of work the demo catalogue holds, with the registry's wire names. */
    public enum Category {
        MUSIC("music"), BOOK("book"), NEWS_ARTICLE("news-article"), SCRIPT("script"), IMAGE("image"), VIDEO("video");

        private final String wireName;

        Category(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        @JsonCreator
        public static Category fromWire(String s) {
            for (Category c : values()) {
                if (c.wireName.equals(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown category " + s);
        }
    }

    /** The registry's right types, in the order the resolver tries them for a training use (SYNCHRONISATION never). */
    public enum RightType {
        TRAINING, REPRODUCTION, MECHANICAL, PERFORMANCE, SYNCHRONISATION
    }

    /** Which import file registers a work. */
    public enum Source {
        CSV, CWR
    }

    /** Authors, writers, creators ({@code A…} refs) or publishers ({@code P…} refs). */
    public enum PartyRole {
        CREATOR, PUBLISHER
    }

    /**
     * A collective management organisation. {@code id} is the registry's and settlement's society id; the music
     * society is {@code cisac:118} because the registry maps CWR society code 118 to that id.
     */
    public record Society(String id, String name, String country, List<Category> categories, BankDetails bankDetails) {
        public Society {
            categories = List.copyOf(categories);
        }
    }

    /**
     * Where payout sends a society's money: exactly one of {@code iban} (ISO 13616, mod-97 valid) and
     * {@code accountNumber} (a domestic account), and a {@code bic} or a domestic {@code bankCode} (e.g. 004 for
     * KB Kookmin Bank). The body of payout's {@code PUT /v1/societies/{id}/bank-details}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BankDetails(String holderName, String country, String iban, String accountNumber, String bic,
                              String bankCode) {
    }

    /** An AI platform: ingest's platform id, and the model it reports usage for. */
    public record Platform(String id, String name, String modelId, String modelVersion, int workloadPercent) {
    }

    /**
     * A rights holder. {@code id} is the registry's party id; {@code ref} the party's reference in the import files
     * (CSV {@code party_ref}, CWR interested party #); {@code societyId} the society its mandate names.
     */
    public record Party(String id, String ref, String name, PartyRole role, String societyId, String isni, String ipi) {
    }

    /** One share of a work: party, its society (by mandate), right type, territory and basis points. */
    public record Share(String partyId, String societyId, RightType right, String territory, int basisPoints) {
    }

    /**
     * A work. {@code workId} is the registry's work key; {@code ref} the CSV {@code work_ref} / CWR submitter work #
     * ({@code W} and the popularity rank, zero-padded); {@code identifiers} in canonical form, the key first.
     */
    public record Work(String workId, String ref, Category category, List<WorkId> identifiers, String title,
                       List<Share> shares, Source source) {
        public Work {
            identifiers = List.copyOf(identifiers);
            shares = List.copyOf(shares);
        }

        /** The shares of the right type the registry's resolver uses for a training use (see its README). */
        public List<Share> trainingShares() {
            for (RightType r : List.of(RightType.TRAINING, RightType.REPRODUCTION, RightType.MECHANICAL, RightType.PERFORMANCE)) {
                List<Share> of = shares.stream().filter(s -> s.right() == r).toList();
                if (!of.isEmpty()) {
                    return of;
                }
            }
            return List.of();
        }

        /** Basis points of {@link #trainingShares()}: 10000 unless the work is under-claimed. */
        public int claimedBasisPoints() {
            return trainingShares().stream().mapToInt(Share::basisPoints).sum();
        }

        public Optional<WorkId> identifier(IdScheme scheme) {
            return identifiers.stream().filter(i -> i.scheme() == scheme).findFirst();
        }
    }

    /** A licence between a platform and a society, naming the settlement tariff; both dates inclusive, null = open. */
    public record Licence(String platformId, String societyId, String tariffId, LocalDate validFrom, LocalDate validTo) {
    }

    /** An opt-out of a work (the registry's reservation source, e.g. DIRECT_REQUEST). */
    public record Reservation(String workId, String source, LocalDate effectiveFrom) {
    }

    /** A per-unit rate: {@code amount} KRW for every {@code per} units (settlement's {@code UnitRate}). */
    public record UnitRate(UsageType usageType, UnitKind unitKind, BigDecimal amount, long per) {
    }

    /** A settlement tariff (per-unit rates only in the demo). */
    public record Tariff(String id, String currency, List<UnitRate> unitRates) {
        public Tariff {
            unitRates = List.copyOf(unitRates);
        }

        public Optional<UnitRate> rate(UsageType usageType, UnitKind unitKind) {
            return unitRates.stream().filter(r -> r.usageType() == usageType && r.unitKind() == unitKind).findFirst();
        }
    }

    /** Settlement's statutory scheme: the tariff for UNLICENSED and UNCLAIMED use, and the penalty for RESERVED use. */
    public record StatutoryScheme(Tariff tariff, BigDecimal reservedPenaltyMultiplier) {
    }

    /** Parties sorted by id (a stable order for files). */
    static List<Party> sortedParties(List<Party> parties) {
        List<Party> out = new ArrayList<>(parties);
        out.sort(Comparator.comparing(Party::id));
        return out;
    }
}
