package io.fairshare.registry.domain.catalogue;

import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.Share;
import java.util.ArrayList;
import java.util.List;

/** Every entity of a catalogue, e.g. as loaded from the store at start-up. */
public record CatalogueSnapshot(List<Work> works, List<Party> parties, List<Share> shares, List<Society> societies,
                                List<Mandate> mandates, List<Reservation> reservations, List<Licence> licences) {
    public CatalogueSnapshot {
        works = List.copyOf(works);
        parties = List.copyOf(parties);
        shares = List.copyOf(shares);
        societies = List.copyOf(societies);
        mandates = List.copyOf(mandates);
        reservations = List.copyOf(reservations);
        licences = List.copyOf(licences);
    }

    public static CatalogueSnapshot empty() {
        return new CatalogueSnapshot(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The snapshot as upserts, works and parties first. */
    public List<CatalogueChange> asChanges() {
        List<CatalogueChange> out = new ArrayList<>(works.size() + parties.size() + shares.size()
                + societies.size() + mandates.size() + reservations.size() + licences.size());
        works.forEach(w -> out.add(new CatalogueChange.UpsertWork(w)));
        parties.forEach(p -> out.add(new CatalogueChange.UpsertParty(p)));
        societies.forEach(s -> out.add(new CatalogueChange.UpsertSociety(s)));
        shares.forEach(s -> out.add(new CatalogueChange.UpsertShare(s)));
        mandates.forEach(m -> out.add(new CatalogueChange.UpsertMandate(m)));
        reservations.forEach(r -> out.add(new CatalogueChange.UpsertReservation(r)));
        licences.forEach(l -> out.add(new CatalogueChange.UpsertLicence(l)));
        return out;
    }
}
