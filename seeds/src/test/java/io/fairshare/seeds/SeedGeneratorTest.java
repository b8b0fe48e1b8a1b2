package io.fairshare.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.PartyIds;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.seeds.SeedSet.Category;
import io.fairshare.seeds.SeedSet.Party;
import io.fairshare.seeds.SeedSet.Share;
import io.fairshare.seeds.SeedSet.Society;
import io.fairshare.seeds.SeedSet.Work;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedGeneratorTest {
    static final SeedSet DEMO = SeedGenerator.generate(SeedSpec.demo());

    @Test
    void theSameSpecGivesAnEqualSeedSetAndAnotherSeedAnotherOne() {
        SeedSpec spec = SeedSpec.small(2_000);
        assertEquals(SeedGenerator.generate(spec), SeedGenerator.generate(spec));
        assertNotEquals(SeedGenerator.generate(spec).works(), SeedGenerator.generate(spec.withSeed(7)).works());
    }

    @Test
    void theDemoHasThreePlatformsFiveSocietiesFiftyThousandWorksInSixCategories() {
        assertEquals(3, DEMO.platforms().size());
        assertEquals(5, DEMO.societies().size());
        assertEquals(50_000, DEMO.works().size());
        Map<Category, Long> byCategory = DEMO.works().stream().collect(Collectors.groupingBy(Work::category, Collectors.counting()));
        assertEquals(Set.of(Category.values()), byCategory.keySet());
        // weights 20/20/30/8/12/10: each category within 1.5 points of its weight
        Map<Category, Integer> weights = Map.of(Category.MUSIC, 20, Category.BOOK, 20, Category.NEWS_ARTICLE, 30,
                Category.SCRIPT, 8, Category.IMAGE, 12, Category.VIDEO, 10);
        weights.forEach((c, w) -> assertTrue(Math.abs(byCategory.get(c) * 100.0 / 50_000 - w) < 1.5, c + ": " + byCategory.get(c)));
        assertEquals(1_500, DEMO.cwrWorks().size());
        assertTrue(DEMO.cwrWorks().stream().allMatch(w -> w.category() == Category.MUSIC));
        assertEquals(48_500, DEMO.csvWorks().size());
    }

    @Test
    void everyWorkIdentifierIsValidAndCanonicalAndNoIdentifierNamesTwoWorks() {
        Set<WorkId> seen = new HashSet<>();
        for (Work w : DEMO.works()) {
            for (WorkId id : w.identifiers()) {
                IdResult r = Identifiers.normalize(id.scheme(), id.value());
                assertTrue(r.isOk(), id + ": " + r.message());
                assertEquals(id, r.id());
                assertTrue(seen.add(id), "identifier used twice: " + id);
            }
            assertEquals(w.identifiers().get(0).key(), w.workId());
        }
        assertEquals(50_000, DEMO.works().stream().map(Work::workId).distinct().count());
    }

    @Test
    void partyIdentifiersAreValidAndPartyIdsFollowTheRegistryRules() {
        for (Party p : DEMO.parties()) {
            if (p.ipi() != null) {
                assertTrue(PartyIds.normalizeIpi(p.ipi()).isOk(), p.toString());
                assertEquals("ipi:" + p.ipi(), p.id());
            } else if (p.isni() != null) {
                assertTrue(PartyIds.normalizeIsni(p.isni()).isOk(), p.toString());
                assertEquals("isni:" + p.isni(), p.id());
            } else {
                assertEquals("ref:fairshare-seeds:" + p.ref(), p.id());
            }
            assertTrue(DEMO.society(p.societyId()).isPresent());
        }
    }

    @Test
    void sharesSumToTenThousandExceptTheUnderClaimedWorksAndSomeWorksHaveSeveralHoldersAcrossSocieties() {
        List<Work> under = DEMO.works().stream().filter(w -> w.claimedBasisPoints() != 10_000).toList();
        assertEquals(5, under.size());
        assertTrue(under.stream().allMatch(w -> w.claimedBasisPoints() == 7_500));
        assertTrue(under.stream().noneMatch(w -> DEMO.isReserved(w.workId())));
        long multi = DEMO.works().stream().filter(w -> w.trainingShares().size() > 1).count();
        assertTrue(multi > 9_000 && multi < 11_000, "multi-holder works: " + multi);
        long crossSociety = DEMO.works().stream()
                .filter(w -> w.trainingShares().stream().map(Share::societyId).distinct().count() > 1).count();
        assertTrue(crossSociety > 1_000, "cross-society works: " + crossSociety);
        Map<String, Party> parties = DEMO.parties().stream().collect(Collectors.toMap(Party::id, p -> p));
        for (Work w : DEMO.works()) {
            for (Share s : w.shares()) {
                assertEquals(parties.get(s.partyId()).societyId(), s.societyId());
            }
        }
    }

    @Test
    void twoPopularFullyClaimedWorksAreOptedOut() {
        assertEquals(2, DEMO.reservations().size());
        assertEquals(DEMO.works().get(6).workId(), DEMO.reservations().get(0).workId());
        assertEquals(DEMO.works().get(69).workId(), DEMO.reservations().get(1).workId());
        // a reserved under-claimed work would give settlement a RESERVED line without a party, which it refuses
        DEMO.reservations().forEach(r -> assertEquals(10_000, DEMO.worksById().get(r.workId()).claimedBasisPoints()));
    }

    @Test
    void someSocietyPlatformPairsAreLicensedAndTheOthersNot() {
        assertEquals(9, DEMO.licences().size());
        assertTrue(DEMO.licence("hanbit-ai", SeedGenerator.EVAC).isPresent());
        assertTrue(DEMO.licence("orbit-models", SeedGenerator.KOMCA).isEmpty());
        assertTrue(DEMO.licence("nuri-labs", SeedGenerator.KSAA).isEmpty());
        DEMO.licences().forEach(l -> assertTrue(DEMO.tariff(l.tariffId()).isPresent(), l.tariffId()));
    }

    @Test
    void bankDetailsAreValidKoreanAccountsOrAnIbanThatPassesMod97() {
        for (Society s : DEMO.societies()) {
            SeedSet.BankDetails b = s.bankDetails();
            assertEquals(s.country(), b.country());
            if (b.iban() != null) {
                assertNull(b.accountNumber());
                assertTrue(Ids.ibanValid(b.iban()), b.iban());
                assertTrue(b.bic().matches("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?"), b.bic());
            } else {
                assertTrue(b.accountNumber().matches("[0-9]+(-[0-9]+)+"), b.accountNumber());
                assertTrue(b.bankCode().matches("[0-9]{3}"), b.bankCode());
            }
        }
        assertEquals(1, DEMO.societies().stream().filter(s -> s.bankDetails().iban() != null).count());
        assertTrue(Ids.ibanValid("DE89370400440532013000"), "the published example IBAN");
        assertFalse(Ids.ibanValid("DE89370400440532013001"));
    }

    @Test
    void theStatutoryTariffPricesEveryUsageTypeAndUnitKindAtOneAndAHalfTimesTheBaseRate() {
        SeedSet.Tariff statutory = DEMO.statutoryScheme().tariff();
        for (UsageType t : UsageType.values()) {
            for (UnitKind k : UnitKind.values()) {
                SeedSet.UnitRate s = statutory.rate(t, k).orElseThrow();
                SeedSet.UnitRate base = DEMO.tariff("t-kwca-2026").orElseThrow().rate(t, k).orElseThrow();
                assertEquals(0, s.amount().compareTo(base.amount().multiply(new BigDecimal("1.5"))), t + "/" + k);
                assertEquals(base.per(), s.per());
            }
        }
        assertEquals(0, DEMO.statutoryScheme().reservedPenaltyMultiplier().compareTo(BigDecimal.valueOf(3)));
        assertEquals(new BigDecimal("20"), DEMO.tariff("t-knpa-2026").orElseThrow()
                .rate(UsageType.RETRIEVAL, UnitKind.TOKENS).orElseThrow().amount());
    }
}
