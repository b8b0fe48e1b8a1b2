package io.fairshare.registry.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolutionMappingTest {
    static final WorkId ISWC = new WorkId(IdScheme.ISWC, "T0345246801");
    static final WorkId ISRC = new WorkId(IdScheme.ISRC, "KRA011200001");
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    static UsageAcceptedV1 usage(List<WorkId> ids) {
        return new UsageAcceptedV1("platform-a", "e-1", "model", "1", UsageType.PRE_TRAINING, new WorkRef(ids, null), 1000,
                UnitKind.TOKENS, Instant.parse("2026-11-20T08:00:00Z"), "KR", null, null, Instant.parse("2026-11-20T08:00:01Z"));
    }

    static CatalogueIndex catalogue() {
        CatalogueIndex index = new CatalogueIndex();
        index.apply(new CatalogueChange.UpsertWork(Work.of(List.of(ISWC, ISRC), "Arirang", Category.MUSIC)));
        index.apply(new CatalogueChange.UpsertShare(new Share(ISWC, new PartyId("ipi:00000000001"), RightType.TRAINING, Territory.WORLD, 6000, null, null)));
        index.apply(new CatalogueChange.UpsertShare(new Share(ISWC, new PartyId("ipi:00000000002"), RightType.TRAINING, Territory.WORLD, 3000, null, null)));
        index.apply(new CatalogueChange.UpsertMandate(new Mandate(new PartyId("ipi:00000000001"), new SocietyId("KOMCA"), RightType.TRAINING,
                Territory.WORLD, null, null)));
        index.apply(new CatalogueChange.UpsertLicence(new Licence(new PlatformId("platform-a"), new SocietyId("KOMCA"), null, null,
                new TariffId("t-music"))));
        return index;
    }

    @Test
    void aMatchBecomesResolvedUsageWithOneLinePerHolderAndTheUnclaimedRest() {
        UsageAcceptedV1 u = usage(List.of(new WorkId(IdScheme.ISRC, "KRA011200001"), new WorkId(IdScheme.ISWC, "T-034.524.680-1")));
        ResolutionMapping.Outcome o = ResolutionMapping.map(u, new Resolver(catalogue()).resolve(UsageQuery.of(u)), false, NOW);

        assertTrue(o.isResolved());
        assertNull(o.unmatched());
        assertEquals("iswc:T0345246801", o.resolved().workId());
        assertEquals("music", o.resolved().workCategory());
        assertEquals(ISWC, o.resolved().matchedBy(), "the ISWC outranks the ISRC, and is given in canonical form");
        assertEquals(List.of(
                new ResolvedLineV1("ipi:00000000001", "KOMCA", 6000, LineStatus.LICENSED, "licence|platform-a|KOMCA|", "t-music", false),
                new ResolvedLineV1("ipi:00000000002", null, 3000, LineStatus.UNLICENSED, null, null, false),
                new ResolvedLineV1(null, null, 1000, LineStatus.UNCLAIMED, null, null, false)), o.resolved().lines());
        assertEquals(u, o.resolved().usage());
        assertEquals(NOW, o.resolved().resolvedAt());
    }

    @Test
    void anUnknownWorkBecomesUnmatchedUsageNamingWhatWasTried() {
        UsageAcceptedV1 u = usage(List.of(new WorkId(IdScheme.ISBN, "9780306406157")));
        ResolutionMapping.Outcome o = ResolutionMapping.map(u, new Resolver(catalogue()).resolve(UsageQuery.of(u)), false, NOW);

        assertNull(o.resolved());
        assertEquals("UNKNOWN_WORK: no work in the catalogue carries isbn:9780306406157", o.unmatched().reason());
        assertEquals(NOW, o.unmatched().heldAt());
    }

    @Test
    void heldUsageIsFoundByTheReportedAndTheCanonicalFormOfEachIdentifier() {
        UsageAcceptedV1 u = usage(List.of(new WorkId(IdScheme.ISWC, "T-034.524.680-1"), new WorkId(IdScheme.ISBN, "not-an-isbn")));
        assertEquals(Set.of("iswc:T-034.524.680-1", "iswc:T0345246801", "isbn:not-an-isbn"), ResolutionMapping.holdingKeys(u));
    }
}
