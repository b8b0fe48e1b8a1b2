package io.fairshare.e2e;

import io.fairshare.seeds.SeedSet;
import io.fairshare.seeds.UsageWorkload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * What settlement should issue for a set of usage events, computed here from the seed data and the tariffs
 * alone, following the rules the services document (rights-registry's resolution rules, settlement's tariff
 * semantics and rounding), without any of their code:
 * <ul>
 *   <li>a matched event's lines are its work's training shares, one per party (shares of a party added up);
 *       an under-claimed work gets an UNCLAIMED line for the remainder;</li>
 *   <li>a reserved (opted-out) work makes every line RESERVED: statutory rate times the penalty multiplier;</li>
 *   <li>otherwise a line is LICENSED under the licence between the platform and the party's society (its
 *       tariff), else UNLICENSED (the statutory tariff); an UNCLAIMED line is priced with the statutory tariff
 *       and goes to the platform's unclaimed holdback;</li>
 *   <li>a line earns {@code units x share / 10000 x amount / per}, exactly;</li>
 *   <li>per (platform, receiver) the exact total is rounded once, half up, to the won.</li>
 * </ul>
 * Unmatched events earn nothing in settlement (rights-registry holds them for a back-claim).
 */
final class ExpectedSettlement {
    /** The receiver of an UNCLAIMED line: the platform's holdback, not a payee. */
    static final String UNCLAIMED = "(unclaimed)";

    record Key(String platformId, String receiver) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = platformId.compareTo(o.platformId);
            return c != 0 ? c : receiver.compareTo(o.receiver);
        }
    }

    record Category(String platformId, String receiver, String category) implements Comparable<Category> {
        @Override
        public int compareTo(Category o) {
            return (platformId + "|" + receiver + "|" + category).compareTo(o.platformId + "|" + o.receiver + "|" + o.category);
        }
    }

    private final SeedSet seeds;
    private final Map<String, SeedSet.Work> works;
    private final Map<Key, BigDecimal> exactByReceiver = new TreeMap<>();
    private final Map<Category, BigDecimal> exactByCategory = new TreeMap<>();
    private final Map<Category, Long> linesByCategory = new TreeMap<>();
    private long matched;
    private long unmatched;

    ExpectedSettlement(SeedSet seeds) {
        this.seeds = seeds;
        this.works = seeds.worksById();
    }

    void add(UsageWorkload.Event e) {
        if (!e.matched()) {
            unmatched++;
            return;
        }
        matched++;
        SeedSet.Work work = works.get(e.catalogueWorkId());
        if (work == null) {
            throw new IllegalStateException("the workload names a work the seeds do not hold: " + e.catalogueWorkId());
        }
        LocalDate day = e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        boolean reserved = seeds.reservations().stream()
                .anyMatch(r -> r.workId().equals(work.workId()) && !day.isBefore(r.effectiveFrom()));
        Map<String, Integer> byParty = new TreeMap<>();
        Map<String, String> societyOf = new TreeMap<>();
        for (SeedSet.Share s : work.trainingShares()) {
            byParty.merge(s.partyId(), s.basisPoints(), Integer::sum);
            societyOf.put(s.partyId(), s.societyId());
        }
        int claimed = byParty.values().stream().mapToInt(Integer::intValue).sum();
        if (claimed > 10_000) {
            throw new IllegalStateException(work.workId() + " is over-claimed; this expectation does not model disputes");
        }
        if (reserved && claimed < 10_000) {
            throw new IllegalStateException(work.workId() + " is reserved and under-claimed: a RESERVED line without a"
                    + " party, which settlement refuses; the seeds must not combine the two");
        }
        SeedSet.Tariff statutory = seeds.statutoryScheme().tariff();
        for (Map.Entry<String, Integer> line : byParty.entrySet()) {
            String society = societyOf.get(line.getKey());
            String payee = society != null ? society : line.getKey();
            if (reserved) {
                BigDecimal penalty = price(e, line.getValue(), statutory).multiply(seeds.statutoryScheme().reservedPenaltyMultiplier());
                add(e.platformId(), payee, "RESERVED_PENALTY", penalty);
                continue;
            }
            SeedSet.Tariff tariff = society == null ? null : seeds.licences().stream()
                    .filter(l -> l.platformId().equals(e.platformId()) && l.societyId().equals(society)
                            && !day.isBefore(l.validFrom()) && (l.validTo() == null || !day.isAfter(l.validTo())))
                    .findFirst().map(l -> seeds.tariff(l.tariffId()).orElseThrow()).orElse(null);
            if (tariff != null) {
                add(e.platformId(), payee, "LICENSED", price(e, line.getValue(), tariff));
            } else {
                add(e.platformId(), payee, "UNLICENSED", price(e, line.getValue(), statutory));
            }
        }
        if (claimed < 10_000) {
            add(e.platformId(), UNCLAIMED, "UNCLAIMED", price(e, 10_000 - claimed, statutory));
        }
    }

    private static BigDecimal price(UsageWorkload.Event e, int basisPoints, SeedSet.Tariff tariff) {
        return tariff.rate(e.usageType(), e.unitKind())
                .map(r -> BigDecimal.valueOf(e.units()).multiply(BigDecimal.valueOf(basisPoints)).multiply(r.amount())
                        .divide(BigDecimal.valueOf(10_000L * r.per())))
                .orElse(BigDecimal.ZERO);
    }

    private void add(String platformId, String receiver, String category, BigDecimal amount) {
        exactByReceiver.merge(new Key(platformId, receiver), amount, BigDecimal::add);
        Category c = new Category(platformId, receiver, category);
        exactByCategory.merge(c, amount, BigDecimal::add);
        linesByCategory.merge(c, 1L, Long::sum);
    }

    /** Per (platform, receiver): the exact total rounded half up to the won, as settlement rounds a group. */
    Map<Key, Long> roundedByReceiver() {
        Map<Key, Long> out = new TreeMap<>();
        exactByReceiver.forEach((k, v) -> out.put(k, v.setScale(0, RoundingMode.HALF_UP).longValueExact()));
        return out;
    }

    Map<Category, BigDecimal> exactByCategory() {
        return exactByCategory;
    }

    /** Events priced into a category: a category's rounded amount lies within this many won of its exact sum. */
    long lines(Category c) {
        return linesByCategory.getOrDefault(c, 0L);
    }

    long matched() {
        return matched;
    }

    long unmatched() {
        return unmatched;
    }
}
