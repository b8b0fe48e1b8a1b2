package io.fairshare.registry.domain;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small builders for catalogue tests. Identifiers here are written in canonical form. */
final class Fixtures {
    static final WorkId SONG = new WorkId(IdScheme.ISWC, "T0345246801");
    static final WorkId SONG_RECORDING = new WorkId(IdScheme.ISRC, "KRA011200001");
    static final WorkId BOOK = new WorkId(IdScheme.ISBN, "9780306406157");
    static final PlatformId PLATFORM = new PlatformId("platform-a");
    static final SocietyId KOMCA = new SocietyId("KOMCA");
    static final SocietyId KOSA = new SocietyId("KOSA");
    static final Territory KR = Territory.of("KR");
    static final Territory JP = Territory.of("JP");
    /** Identifiers are canonical in these tests; the contracts normaliser has its own test. */
    static final Resolver.IdentifierNormaliser AS_GIVEN = id -> id;

    private Fixtures() {
    }

    static PartyId party(String id) {
        return new PartyId(id);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant at(String isoDay) {
        return Instant.parse(isoDay + "T12:00:00Z");
    }

    static Work work(WorkId... ids) {
        return Work.of(List.of(ids), "Work " + ids[0].value(), Category.MUSIC);
    }

    static Share share(WorkId work, String party, RightType right, Territory territory, int bp) {
        return new Share(work, party(party), right, territory, bp, null, null);
    }

    static Share share(WorkId work, String party, RightType right, Territory territory, int bp, String from, String to) {
        return new Share(work, party(party), right, territory, bp, from == null ? null : day(from),
                to == null ? null : day(to));
    }

    static CatalogueChange.UpsertWork upsert(Work w) {
        return new CatalogueChange.UpsertWork(w);
    }

    static CatalogueChange.UpsertShare upsert(Share s) {
        return new CatalogueChange.UpsertShare(s);
    }

    static CatalogueChange.UpsertMandate upsert(Mandate m) {
        return new CatalogueChange.UpsertMandate(m);
    }

    static CatalogueChange.UpsertLicence upsert(Licence l) {
        return new CatalogueChange.UpsertLicence(l);
    }

    static CatalogueChange.UpsertReservation upsert(Reservation r) {
        return new CatalogueChange.UpsertReservation(r);
    }

    static UsageQuery usage(Instant at, Territory territory, WorkId... ids) {
        return new UsageQuery(PLATFORM, List.of(ids), at, territory);
    }

    static Resolution.Matched matched(Resolution r) {
        if (r instanceof Resolution.Matched m) {
            return m;
        }
        throw new AssertionError("expected Matched, was " + r);
    }

    /** A line as (party or "-", society or "-", bp, status, tariff or "-", disputed) for compact assertions. */
    static String describe(ResolutionLine l) {
        return (l.party() == null ? "-" : l.party().value()) + " " + (l.society() == null ? "-" : l.society().value())
                + " " + l.basisPoints() + " " + l.status() + " " + (l.tariff() == null ? "-" : l.tariff().value())
                + (l.disputed() ? " disputed" : "");
    }

    static List<String> describe(Resolution.Matched m) {
        return m.lines().stream().map(Fixtures::describe).toList();
    }
}
