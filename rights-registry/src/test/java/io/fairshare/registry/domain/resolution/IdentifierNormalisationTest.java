package io.fairshare.registry.domain.resolution;

import static io.fairshare.registry.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.RightType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups through the contracts module's normalisation (skipped until that is installed). */
class IdentifierNormalisationTest {
    private final CatalogueIndex index = new CatalogueIndex();
    private final Resolver resolver = new Resolver(index);

    @Test
    void anIswcWrittenWithSeparatorsMatchesTheStoredCanonicalIswc() {
        index.apply(upsert(work(SONG)));
        index.apply(upsert(share(SONG, "p-a", RightType.TRAINING, Territory.WORLD, 10000)));

        Resolution.Matched m = matched(resolver.resolve(
                usage(at("2025-03-01"), KR, new WorkId(IdScheme.ISWC, "T-034.524.680-1"))));

        assertEquals(SONG, m.work().key());
        assertEquals(List.of("p-a - 10000 UNLICENSED -"), describe(m));
    }

    @Test
    void anInvalidIdentifierIsNamedInTheUnmatchedDetail() {
        index.apply(upsert(work(SONG)));

        Resolution.Unmatched u = assertInstanceOf(Resolution.Unmatched.class, resolver.resolve(
                usage(at("2025-03-01"), KR, new WorkId(IdScheme.ISWC, "T-034.524.680-2"))));

        assertEquals(Resolution.Reason.UNKNOWN_WORK, u.reason());
        assertEquals("no work in the catalogue carries iswc:T-034.524.680-2 (not a valid iswc)", u.detail());
    }
}
