package io.fairshare.seeds;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.seeds.SeedSet.BankDetails;
import io.fairshare.seeds.SeedSet.Category;
import io.fairshare.seeds.SeedSet.Licence;
import io.fairshare.seeds.SeedSet.Party;
import io.fairshare.seeds.SeedSet.PartyRole;
import io.fairshare.seeds.SeedSet.Platform;
import io.fairshare.seeds.SeedSet.Reservation;
import io.fairshare.seeds.SeedSet.RightType;
import io.fairshare.seeds.SeedSet.Share;
import io.fairshare.seeds.SeedSet.Society;
import io.fairshare.seeds.SeedSet.Source;
import io.fairshare.seeds.SeedSet.StatutoryScheme;
import io.fairshare.seeds.SeedSet.Tariff;
import io.fairshare.seeds.SeedSet.UnitRate;
import io.fairshare.seeds.SeedSet.Work;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates the demo data set from a {@link SeedSpec}. Pure: no I/O, no clock; the same spec gives an equal
 * {@link SeedSet} on every machine (the random numbers come from {@link Rng}, written out in this module).
 *
 * <p>What it makes (see also seeds/README.md):
 * <ul>
 *   <li>Five societies, each with the categories it manages and bank details for payout; three platforms.</li>
 *   <li>Works in popularity order, their category drawn with weights music 20, book 20, news 30, script 8,
 *       image 12, video 10. Identifiers: music ISWC (+ ISRC unless registered by CWR), books ISBN-13 (978-89),
 *       news a canonical URL, scripts and images DOI + SHA-256 (the DOI is the key: settlement stores work ids in
 *       64 characters, a {@code sha256:} key has 71), video ISAN.</li>
 *   <li>Shares: one holder, or with {@code multiHolderPercent} two or three (a quarter of those across two
 *       societies); TRAINING in WORLD, MECHANICAL (and PERFORMANCE for CWR works) for music. Under-claimed works
 *       hold 7500 bp. Every holder has a mandate to its society.</li>
 *   <li>Licences: hanbit-ai with all five societies, nuri-labs with KOMCA, KWCA and KNPA, orbit-models with KNPA
 *       only; everything else is unlicensed (statutory).</li>
 *   <li>Tariffs: per-unit KRW rates, one tariff per society; the statutory tariff is 1.5 times the base rates, the
 *       penalty for reserved use 3 times.</li>
 * </ul>
 */
public final class SeedGenerator {
    /** Popularity ranks (1-based) of the reserved works: the first {@code reservedWorks} of these. */
    static final int[] RESERVED_RANKS = {7, 70, 700, 7_000, 70_000};
    /** Under-claimed works are taken among ranks 3, 14, 25, ... (every 11th from 3). */
    static final int UNDER_CLAIM_FIRST_INDEX = 2;
    static final int UNDER_CLAIM_STEP = 11;
    static final int UNDER_CLAIMED_BASIS_POINTS = 7_500;
    static final LocalDate LICENCES_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate RESERVED_FROM = LocalDate.of(2025, 6, 1);

    public static final String KOMCA = "cisac:118";
    public static final String KWCA = "KWCA";
    public static final String KNPA = "KNPA";
    public static final String KSAA = "KSAA";
    public static final String EVAC = "EVAC";
    public static final String STATUTORY_TARIFF = "t-statutory-2026";

    private static final Map<Category, Integer> CATEGORY_WEIGHTS = new EnumMap<>(Map.of(
            Category.MUSIC, 20, Category.BOOK, 20, Category.NEWS_ARTICLE, 30, Category.SCRIPT, 8,
            Category.IMAGE, 12, Category.VIDEO, 10));

    private static final List<String> SURNAMES = List.of("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon",
            "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong");
    private static final List<String> GIVEN = List.of("Minji", "Jiho", "Seoyeon", "Dohyun", "Haeun", "Jiwoo", "Yuna",
            "Seojun", "Eunji", "Hyunwoo", "Soyeon", "Jimin", "Taeyang", "Nari", "Bora", "Junho", "Daeun", "Sumin",
            "Yejin", "Woojin");
    private static final List<String> EU_SURNAMES = List.of("Weber", "Schmidt", "Dubois", "Rossi", "Novak", "Jansen",
            "Lindqvist", "Moreau", "Fischer", "Costa");
    private static final List<String> EU_GIVEN = List.of("Anna", "Lukas", "Claire", "Marco", "Eva", "Pieter", "Ingrid",
            "Julien", "Greta", "Tomas");
    private static final List<String> ADJECTIVES = List.of("Quiet", "Blue", "Distant", "Golden", "Silver", "Midnight",
            "Spring", "Autumn", "Little", "Endless", "Hidden", "Bright", "Lonely", "Northern", "Paper", "Falling",
            "Secret", "Summer", "Winter", "Wild");
    private static final List<String> NOUNS = List.of("River", "Moon", "Garden", "Letter", "Harbour", "Mountain", "Road",
            "City", "Rain", "Lantern", "Island", "Window", "Bridge", "Forest", "Station", "Sky", "Promise", "Dream",
            "Shadow", "Song");
    private static final List<String> TOPICS = List.of("Chip exports", "Housing prices", "Rainy season", "Baseball final",
            "Subway line 9", "Film festival", "Rice harvest", "Battery makers", "Election debate", "Tourism",
            "Shipbuilders", "Won exchange rate", "K-pop tour", "Heat wave", "AI copyright bill");
    private static final List<String> EVENTS = List.of("rise again", "hit record", "slow down", "draw crowds",
            "face review", "beat forecasts", "spark debate", "return", "set new rules", "cool off");

    private SeedGenerator() {
    }

    public static SeedSet generate(SeedSpec spec) {
        return new Run(spec).run();
    }

    /** The five societies with bank details, in a fixed order. */
    static List<Society> societies(long seed) {
        Rng r = new Rng(seed ^ 0x50C1E7L);
        return List.of(
                new Society(KOMCA, "Korea Music Copyright Association (KOMCA)", "KR", List.of(Category.MUSIC),
                        BankDetailsFactory.korean("Korea Music Copyright Association", "004", r, 6, 2, 6)),
                new Society(KWCA, "Korea Writers' Copyright Association", "KR", List.of(Category.BOOK),
                        BankDetailsFactory.korean("Korea Writers' Copyright Association", "088", r, 3, 3, 6)),
                new Society(KNPA, "Korea News Publishers' Association", "KR", List.of(Category.NEWS_ARTICLE),
                        BankDetailsFactory.korean("Korea News Publishers' Association", "020", r, 4, 3, 6)),
                new Society(KSAA, "Korea Screen and Audiovisual Authors", "KR", List.of(Category.SCRIPT, Category.VIDEO),
                        BankDetailsFactory.korean("Korea Screen and Audiovisual Authors", "081", r, 3, 6, 5)),
                new Society(EVAC, "European Visual Artists Collective", "DE", List.of(Category.IMAGE),
                        BankDetailsFactory.german("European Visual Artists Collective e.V.", r)));
    }

    static List<Platform> platforms() {
        return List.of(
                new Platform("hanbit-ai", "Hanbit AI", "hanbit-llm", "2.1", 50),
                new Platform("nuri-labs", "Nuri Labs", "nuri-7b", "1.0", 30),
                new Platform("orbit-models", "Orbit Models", "orbit-vision", "0.9", 20));
    }

    /** Which societies each platform holds a licence with (the rest of the 15 pairs is unlicensed). */
    static Map<String, List<String>> licenceMatrix() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("hanbit-ai", List.of(KOMCA, KWCA, KNPA, KSAA, EVAC));
        m.put("nuri-labs", List.of(KOMCA, KWCA, KNPA));
        m.put("orbit-models", List.of(KNPA));
        return m;
    }

    static String tariffIdOf(String societyId) {
        return "t-" + (societyId.equals(KOMCA) ? "komca" : societyId.toLowerCase(Locale.ROOT)) + "-2026";
    }

    /**
     * The base rate card, in KRW: tokens per 1,000, seconds per 10 (evaluation per 100), items per item, bytes per
     * MiB (1,048,576). News charges 20 (not 10) per 1,000 tokens of retrieval.
     */
    static List<UnitRate> baseRates(boolean news) {
        List<UnitRate> r = new ArrayList<>();
        r.add(rate(UsageType.PRE_TRAINING, UnitKind.TOKENS, "2", 1000));
        r.add(rate(UsageType.FINE_TUNING, UnitKind.TOKENS, "4", 1000));
        r.add(rate(UsageType.RETRIEVAL, UnitKind.TOKENS, news ? "20" : "10", 1000));
        r.add(rate(UsageType.EVALUATION, UnitKind.TOKENS, "1", 1000));
        r.add(rate(UsageType.PRE_TRAINING, UnitKind.SECONDS, "1", 10));
        r.add(rate(UsageType.FINE_TUNING, UnitKind.SECONDS, "2", 10));
        r.add(rate(UsageType.RETRIEVAL, UnitKind.SECONDS, "1", 10));
        r.add(rate(UsageType.EVALUATION, UnitKind.SECONDS, "1", 100));
        r.add(rate(UsageType.PRE_TRAINING, UnitKind.ITEMS, "5", 1));
        r.add(rate(UsageType.FINE_TUNING, UnitKind.ITEMS, "10", 1));
        r.add(rate(UsageType.RETRIEVAL, UnitKind.ITEMS, "2", 1));
        r.add(rate(UsageType.EVALUATION, UnitKind.ITEMS, "1", 1));
        r.add(rate(UsageType.PRE_TRAINING, UnitKind.BYTES, "1", 1_048_576));
        r.add(rate(UsageType.FINE_TUNING, UnitKind.BYTES, "2", 1_048_576));
        r.add(rate(UsageType.RETRIEVAL, UnitKind.BYTES, "1", 1_048_576));
        r.add(rate(UsageType.EVALUATION, UnitKind.BYTES, "1", 1_048_576));
        return r;
    }

    private static UnitRate rate(UsageType t, UnitKind k, String amount, long per) {
        return new UnitRate(t, k, new BigDecimal(amount), per);
    }

    static List<Tariff> tariffs(List<Society> societies) {
        List<Tariff> out = new ArrayList<>();
        for (Society s : societies) {
            out.add(new Tariff(tariffIdOf(s.id()), SeedSet.CURRENCY, baseRates(s.id().equals(KNPA))));
        }
        return out;
    }

    /** The statutory tariff: every base rate times 1.5 (exact), and a penalty multiplier of 3 for reserved use. */
    static StatutoryScheme statutoryScheme() {
        List<UnitRate> rates = new ArrayList<>();
        for (UnitRate r : baseRates(false)) {
            rates.add(new UnitRate(r.usageType(), r.unitKind(), r.amount().multiply(new BigDecimal("1.5")).stripTrailingZeros(),
                    r.per()));
        }
        return new StatutoryScheme(new Tariff(STATUTORY_TARIFF, SeedSet.CURRENCY, rates), new BigDecimal("3"));
    }

    // ------------------------------------------------------------------ the catalogue

    private static final class Run {
        final SeedSpec spec;
        final List<Society> societies;
        final Map<Category, Society> societyOf = new EnumMap<>(Category.class);
        final Map<String, List<Party>> creators = new LinkedHashMap<>();
        final Map<String, List<Party>> publishers = new LinkedHashMap<>();
        final Set<Party> used = new LinkedHashSet<>();
        final Map<Category, Integer> serials = new EnumMap<>(Category.class);
        int partyCounter;
        int musicSeen;
        int underClaimedLeft;

        Run(SeedSpec spec) {
            this.spec = spec;
            this.societies = societies(spec.seed());
            for (Society s : societies) {
                s.categories().forEach(c -> societyOf.put(c, s));
            }
            this.underClaimedLeft = spec.underClaimedWorks();
        }

        SeedSet run() {
            Rng pools = new Rng(spec.seed() ^ 0x9A27L);
            for (Society s : societies) {
                int weight = s.categories().stream().mapToInt(CATEGORY_WEIGHTS::get).sum();
                int creatorCount = Math.max(8, spec.works() * weight / 100 / 4);
                int publisherCount = Math.max(3, creatorCount / 10);
                List<Party> c = new ArrayList<>();
                for (int i = 0; i < creatorCount; i++) {
                    c.add(newParty(s, PartyRole.CREATOR, pools));
                }
                List<Party> p = new ArrayList<>();
                for (int i = 0; i < publisherCount; i++) {
                    p.add(newParty(s, PartyRole.PUBLISHER, pools));
                }
                creators.put(s.id(), c);
                publishers.put(s.id(), p);
            }
            Set<Integer> reservedIndexes = new LinkedHashSet<>();
            for (int k = 0; k < spec.reservedWorks(); k++) {
                if (RESERVED_RANKS[k] <= spec.works()) {
                    reservedIndexes.add(RESERVED_RANKS[k] - 1);
                }
            }
            List<Work> works = new ArrayList<>(spec.works());
            for (int i = 0; i < spec.works(); i++) {
                works.add(work(i, reservedIndexes.contains(i)));
            }
            if (underClaimedLeft > 0) {
                throw new IllegalStateException("could not place " + underClaimedLeft + " under-claimed works");
            }
            List<Reservation> reservations = new ArrayList<>();
            int k = 0;
            for (int index : reservedIndexes) {
                reservations.add(new Reservation(works.get(index).workId(), k++ % 2 == 0 ? "DIRECT_REQUEST" : "TDMREP",
                        RESERVED_FROM));
            }
            List<Licence> licences = new ArrayList<>();
            licenceMatrix().forEach((platform, socs) -> socs.forEach(s ->
                    licences.add(new Licence(platform, s, tariffIdOf(s), LICENCES_FROM, null))));
            return new SeedSet(spec, societies, platforms(), SeedSet.sortedParties(new ArrayList<>(used)), works,
                    licences, reservations, tariffs(societies), statutoryScheme());
        }

        Party newParty(Society s, PartyRole role, Rng r) {
            int n = ++partyCounter;
            String ref = (role == PartyRole.CREATOR ? "A" : "P") + String.format("%05d", n);
            boolean music = s.categories().contains(Category.MUSIC);
            boolean european = s.country().equals("DE");
            String name;
            if (role == PartyRole.CREATOR) {
                String last = european ? r.pick(EU_SURNAMES) : r.pick(SURNAMES);
                String first = european ? r.pick(EU_GIVEN) : r.pick(GIVEN);
                name = music ? (last + ", " + first).toUpperCase(Locale.ROOT) : first + " " + last;
            } else {
                String word = r.pick(ADJECTIVES) + " " + r.pick(NOUNS);
                String suffix = switch (s.id()) {
                    case KOMCA -> " Music Publishing";
                    case KWCA -> " Books";
                    case KNPA -> " Daily";
                    case KSAA -> " Pictures";
                    default -> " Studio";
                };
                name = music ? (word + suffix).toUpperCase(Locale.ROOT) : word + suffix;
            }
            String ipi = null;
            String isni = null;
            String id;
            if (music) {
                ipi = Ids.ipi(274_000_000L + n);
                id = "ipi:" + ipi;
            } else if (role == PartyRole.CREATOR && (s.id().equals(KWCA) || s.id().equals(KSAA))) {
                isni = Ids.isni(12_000_000_000L + n);
                id = "isni:" + isni;
            } else {
                id = "ref:" + SeedSet.CSV_SOURCE + ":" + ref;
            }
            return new Party(id, ref, name, role, s.id(), isni, ipi);
        }

        Category category(Rng r) {
            int x = r.nextInt(100);
            for (Map.Entry<Category, Integer> e : CATEGORY_WEIGHTS.entrySet()) {
                x -= e.getValue();
                if (x < 0) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("weights do not sum to 100");
        }

        Work work(int index, boolean reserved) {
            Rng r = Rng.at(spec.seed() ^ 0xCA7A10L, index);
            Category c = category(r);
            int serial = serials.merge(c, 1, Integer::sum);
            Society society = societyOf.get(c);
            String ref = "W" + String.format("%06d", index + 1);
            Source source = Source.CSV;
            if (c == Category.MUSIC && musicSeen++ < spec.cwrWorks()) {
                source = Source.CWR;
            }
            boolean underClaimed = false;
            if (underClaimedLeft > 0 && !reserved && source == Source.CSV && index >= UNDER_CLAIM_FIRST_INDEX
                    && (index - UNDER_CLAIM_FIRST_INDEX) % UNDER_CLAIM_STEP == 0) {
                underClaimed = true;
                underClaimedLeft--;
            }
            List<WorkId> ids = identifiers(c, serial, source, index);
            String title = title(c, r, serial);
            List<Share> shares = shares(c, society, source, underClaimed, r);
            return new Work(ids.get(0).key(), ref, c, ids, title, shares, source);
        }

        List<WorkId> identifiers(Category c, int serial, Source source, int index) {
            return switch (c) {
                case MUSIC -> source == Source.CWR ? List.of(Ids.iswc(100_000_000L + serial))
                        : List.of(Ids.iswc(100_000_000L + serial), Ids.isrc(serial));
                case BOOK -> List.of(Ids.isbn("97889", 5_000_000L + serial));
                case NEWS_ARTICLE -> List.of(Ids.url("https://news.example/a/" + String.format("%06d", serial)));
                case SCRIPT -> List.of(Ids.doi("fs.script." + serial),
                        Ids.sha256("fairshare-seeds script " + spec.seed() + " " + serial));
                case IMAGE -> List.of(Ids.doi("fs.image." + serial),
                        Ids.sha256("fairshare-seeds image " + spec.seed() + " " + serial));
                case VIDEO -> List.of(Ids.isan(serial));
            };
        }

        String title(Category c, Rng r, int serial) {
            String words = r.pick(ADJECTIVES) + " " + r.pick(NOUNS);
            return switch (c) {
                case MUSIC -> words.toUpperCase(Locale.ROOT);
                case BOOK -> "The " + words;
                case NEWS_ARTICLE -> r.pick(TOPICS) + " " + r.pick(EVENTS);
                case SCRIPT -> words + " (screenplay)";
                case IMAGE -> words + " No. " + serial;
                case VIDEO -> words + " (film)";
            };
        }

        List<Share> shares(Category c, Society society, Source source, boolean underClaimed, Rng r) {
            List<Party> holders = new ArrayList<>();
            List<Integer> bps = new ArrayList<>();
            List<Party> ownCreators = creators.get(society.id());
            holders.add(r.pick(ownCreators));
            if (underClaimed) {
                bps.add(UNDER_CLAIMED_BASIS_POINTS);
            } else if (!r.percent(spec.multiHolderPercent())) {
                bps.add(10_000);
            } else {
                int shape = r.nextInt(4);
                boolean crossSociety = source == Source.CSV && c != Category.MUSIC && r.nextInt(4) == 0;
                Society other = society;
                if (crossSociety) {
                    List<Society> candidates = societies.stream()
                            .filter(s -> !s.id().equals(society.id()) && !s.id().equals(KOMCA)).toList();
                    other = r.pick(candidates);
                }
                switch (shape) {
                    case 0 -> { // creator and publisher
                        holders.add(distinct(holders, publishers.get(other.id()), r));
                        bps.add(7_000);
                        bps.add(3_000);
                    }
                    case 1 -> { // creator and publisher, half each
                        holders.add(distinct(holders, publishers.get(other.id()), r));
                        bps.add(5_000);
                        bps.add(5_000);
                    }
                    case 2 -> { // two creators
                        holders.add(distinct(holders, creators.get(other.id()), r));
                        bps.add(6_000);
                        bps.add(4_000);
                    }
                    default -> { // three: two creators and a publisher
                        holders.add(distinct(holders, creators.get(other.id()), r));
                        holders.add(distinct(holders, publishers.get(society.id()), r));
                        bps.add(4_000);
                        bps.add(3_000);
                        bps.add(3_000);
                    }
                }
            }
            if (underClaimed && spec.multiHolderPercent() > 0 && r.nextInt(2) == 0) {
                // a second variant: two holders leaving the same remainder (5000 + 2500)
                holders.add(distinct(holders, publishers.get(society.id()), r));
                bps.set(0, 5_000);
                bps.add(2_500);
            }
            List<Share> shares = new ArrayList<>();
            List<RightType> rights = c != Category.MUSIC ? List.of(RightType.TRAINING)
                    : source == Source.CWR ? List.of(RightType.PERFORMANCE, RightType.MECHANICAL) : List.of(RightType.MECHANICAL);
            for (RightType right : rights) {
                for (int i = 0; i < holders.size(); i++) {
                    Party p = holders.get(i);
                    shares.add(new Share(p.id(), p.societyId(), right, SeedSet.SHARE_TERRITORY, bps.get(i)));
                }
            }
            used.addAll(holders);
            return shares;
        }

        private static Party distinct(List<Party> already, List<Party> pool, Rng r) {
            for (int attempt = 0; attempt < 32; attempt++) {
                Party p = r.pick(pool);
                if (!already.contains(p)) {
                    return p;
                }
            }
            for (Party p : pool) {
                if (!already.contains(p)) {
                    return p;
                }
            }
            throw new IllegalStateException("party pool too small");
        }
    }

    /** Bank details with valid formats: Korean domestic accounts (bank code + number), a German IBAN with BIC. */
    static final class BankDetailsFactory {
        private BankDetailsFactory() {
        }

        static BankDetails korean(String holder, String bankCode, Rng r, int... groups) {
            StringBuilder number = new StringBuilder();
            for (int g = 0; g < groups.length; g++) {
                if (g > 0) {
                    number.append('-');
                }
                for (int i = 0; i < groups[g]; i++) {
                    number.append((char) ('0' + (i == 0 && g == 0 ? 1 + r.nextInt(9) : r.nextInt(10))));
                }
            }
            return new BankDetails(holder, "KR", null, number.toString(), null, bankCode);
        }

        static BankDetails german(String holder, Rng r) {
            StringBuilder account = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                account.append((char) ('0' + r.nextInt(10)));
            }
            // BLZ 37040044 is the example bank code of the German IBAN documentation (DE89 3704 0044 0532 0130 00)
            return new BankDetails(holder, "DE", Ids.iban("DE", "37040044" + account), null, "COBADEFFXXX", null);
        }
    }
}
