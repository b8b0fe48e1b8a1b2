package io.fairshare.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which held usage a catalogue change makes the back-claimer look at (plain JUnit, no Quarkus). */
class BackClaimTriggerTest {
    static final WorkId ISWC = new WorkId(IdScheme.ISWC, "T0345246801");
    static final WorkId ISRC = new WorkId(IdScheme.ISRC, "KRA011200001");
    static final WorkId UNKNOWN = new WorkId(IdScheme.ISBN, "9780306406157");

    static CatalogueIndex index() {
        CatalogueIndex index = new CatalogueIndex();
        index.apply(new CatalogueChange.UpsertWork(Work.of(List.of(ISWC, ISRC), "Arirang", Category.MUSIC)));
        return index;
    }

    @Test
    void aNewWorkLooksUpEveryOneOfItsIdentifiers() {
        assertEquals(Set.of("iswc:T0345246801", "isrc:KRA011200001"), BackClaims.identifierKeys(
                List.of(new CatalogueChange.UpsertWork(Work.of(List.of(ISWC, ISRC), "Arirang", Category.MUSIC))), new CatalogueIndex()));
    }

    @Test
    void shareAndWorkReservationChangesLookUpTheirWorksIdentifiersOrTheKeyAlone() {
        Share onKnown = new Share(ISWC, new PartyId("ipi:00000000001"), RightType.TRAINING, Territory.WORLD, 5000, null, null);
        Share onUnknown = new Share(UNKNOWN, new PartyId("ipi:00000000001"), RightType.TRAINING, Territory.WORLD, 5000, null, null);
        assertEquals(Set.of("iswc:T0345246801", "isrc:KRA011200001", "isbn:9780306406157"), BackClaims.identifierKeys(List.of(
                new CatalogueChange.UpsertShare(onKnown), new CatalogueChange.DeleteShare(onUnknown.key())), index()));
        assertEquals(Set.of("iswc:T0345246801", "isrc:KRA011200001"), BackClaims.identifierKeys(List.of(
                new CatalogueChange.UpsertReservation(new Reservation(new Reservation.OnWork(ISWC), ReservationSource.TDMREP, null))), index()));
    }

    @Test
    void changesThatCannotMakeAnUnknownWorkKnownLookUpNothing() {
        assertEquals(Set.of(), BackClaims.identifierKeys(List.of(
                new CatalogueChange.UpsertLicence(new Licence(new PlatformId("p"), SocietyId.STATUTORY, null, null, new TariffId("t"))),
                new CatalogueChange.UpsertReservation(new Reservation(new Reservation.OnParty(new PartyId("ipi:00000000001")),
                        ReservationSource.DIRECT_REQUEST, null)),
                new CatalogueChange.DeleteWork(ISWC)), index()));
    }
}
