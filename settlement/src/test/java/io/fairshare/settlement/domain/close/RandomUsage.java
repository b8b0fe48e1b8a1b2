package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.tariff.BasisPoints;
import io.fairshare.settlement.domain.tariff.MinimumFee;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.RevenueShare;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TrainingFee;
import io.fairshare.settlement.domain.tariff.UnitRate;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.ResolvedLine;
import io.fairshare.settlement.domain.usage.ResolvedUsage;

import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random usage for property tests: three platforms, four societies plus two parties paid
 * directly, five tariffs mixing all models, and events with 1-4 lines of every status.
 */
public final class RandomUsage {
    public static final List<String> PLATFORMS = List.of("P1", "P2", "P3");
    public static final List<String> SOCIETIES = List.of("S1", "S2", "S3", "S4");
    public static final List<String> DIRECT = List.of("D1", "D2");
    public static final List<BigDecimal> WEIGHTS = List.of(new BigDecimal("0.5"), new BigDecimal("1.25"), new BigDecimal("0.333"),
            new BigDecimal("2"), BigDecimal.ONE);
    public static final List<String> CATEGORIES = List.of("TEXT", "MUSIC", "NEWS");

    final Random random;
    /** The tariff of each (platform, society or direct party) licence. */
    final Map<String, String> licences = new HashMap<>();

    public RandomUsage(long seed, List<String> tariffIds) {
        this.random = new Random(seed);
        for (String p : PLATFORMS) {
            for (String s : SOCIETIES) {
                licences.put(p + "/" + s, tariffIds.get(random.nextInt(tariffIds.size())));
            }
            for (String d : DIRECT) {
                licences.put(p + "/" + d, tariffIds.get(random.nextInt(tariffIds.size())));
            }
        }
    }

    /** Rates for every combination, with {@code per}s from 1 to 10^6 and 2^10. */
    public static List<UnitRate> someRates() {
        List<UnitRate> rates = new ArrayList<>();
        String[] amounts = {"1.2", "2.5", "0.7", "0.003", "0.25", "13", "0.0001", "3.3333"};
        long[] pers = {1000, 1000, 1, 8, 1024, 1_000_000, 1, 25};
        int i = 0;
        for (UsageType t : UsageType.values()) {
            for (UnitKind k : UnitKind.values()) {
                rates.add(new UnitRate(t, k, new BigDecimal(amounts[i % amounts.length]), pers[i % pers.length]));
                i++;
            }
        }
        return rates;
    }

    public static Map<String, Tariff> tariffs() {
        Map<String, Tariff> m = new HashMap<>();
        List<UnitRate> rates = someRates();
        m.put("T-RATE", new Tariff("T-RATE", "KRW", rates, null, null, null));
        m.put("T-POOL", new Tariff("T-POOL", "KRW", List.of(), null,
                new RevenueShare(333, Map.of(UnitKind.BYTES, new BigDecimal("0.25"))), null));
        m.put("T-FEE", new Tariff("T-FEE", "KRW", rates.subList(0, 3), null, null, new TrainingFee(new BigDecimal("10001"))));
        m.put("T-MIN", new Tariff("T-MIN", "KRW", rates.subList(4, 9), new MinimumFee(new BigDecimal("50000")), null, null));
        m.put("T-ALL", new Tariff("T-ALL", "KRW", rates.subList(2, 12), new MinimumFee(new BigDecimal("2000000")),
                new RevenueShare(1250, Map.of()), new TrainingFee(new BigDecimal("77777"))));
        return m;
    }

    public static StatutoryScheme statutory() {
        return Fixtures.statutory("KRW", new BigDecimal("1.7"), 1000, new BigDecimal("2.5"));
    }

    public List<RevenueDeclaration> revenue() {
        List<RevenueDeclaration> out = new ArrayList<>();
        for (String p : PLATFORMS) {
            out.add(new RevenueDeclaration(p, BigDecimal.valueOf(random.nextInt(10_000_000))));
        }
        return out;
    }

    /** {@code count} events with ids {@code prefix0..}, used at a random instant of {@code period}. */
    public List<ResolvedUsage> events(int count, String prefix, Period period, boolean uniqueWorks) {
        List<ResolvedUsage> events = new ArrayList<>(count);
        long span = period.end().getEpochSecond() - period.start().getEpochSecond();
        for (int i = 0; i < count; i++) {
            String platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
            int work = random.nextInt(60);
            String workId = uniqueWorks ? "W-" + prefix + i : "W" + work;
            Instant usedAt = period.start().plusSeconds((long) (random.nextDouble() * span));
            BigDecimal weight = random.nextInt(4) == 0 ? null : WEIGHTS.get(random.nextInt(WEIGHTS.size()));
            events.add(new ResolvedUsage(platform, prefix + i, "m", "1", UsageType.values()[random.nextInt(4)],
                    1 + random.nextInt(3_000_000), UnitKind.values()[random.nextInt(4)], usedAt, "KR", weight, workId,
                    CATEGORIES.get(work % 3), random.nextInt(20) == 0, lines(platform)));
        }
        return events;
    }

    private List<ResolvedLine> lines(String platform) {
        int n = 1 + random.nextInt(4);
        int[] bp = new int[n];
        int left = BasisPoints.WHOLE;
        for (int i = 0; i < n - 1; i++) {
            bp[i] = 1 + random.nextInt(left - (n - 1 - i));
            left -= bp[i];
        }
        bp[n - 1] = left;
        List<ResolvedLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(100);
            if (r < 10) {
                String tariff = random.nextBoolean() ? null : licences.get(platform + "/S1");
                lines.add(new ResolvedLine(null, null, bp[i], LineStatus.UNCLAIMED, tariff, false));
                continue;
            }
            boolean direct = random.nextInt(8) == 0;
            String society = direct ? null : SOCIETIES.get(random.nextInt(SOCIETIES.size()));
            String party = direct ? DIRECT.get(random.nextInt(DIRECT.size())) : society + "-m" + random.nextInt(6);
            String licence = licences.get(platform + "/" + (direct ? party : society));
            boolean disputed = random.nextInt(16) == 0;
            if (r < 78) {
                lines.add(new ResolvedLine(party, society, bp[i], LineStatus.LICENSED, licence, disputed));
            } else if (r < 91) {
                lines.add(new ResolvedLine(party, society, bp[i], LineStatus.UNLICENSED, null, disputed));
            } else {
                lines.add(new ResolvedLine(party, society, bp[i], LineStatus.RESERVED, random.nextBoolean() ? licence : null, disputed));
            }
        }
        return lines;
    }
}
