package io.fairshare.registry.domain;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.resolution.Resolution;
import io.fairshare.registry.domain.resolution.ResolutionLine;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small builders for catalogue tests. Identifiers here are written in canonical form. */
/** Shared fixtures of the domain tests. */
public final class Fixtures {
    public static final WorkId SONG = new WorkId(IdScheme.ISWC, "T0345246801");
    public static final WorkId SONG_RECORDING = new WorkId(IdScheme.ISRC, "KRA011200001");
    public static final WorkId BOOK = new WorkId(IdScheme.ISBN, "9780306406157");
    public static final PlatformId PLATFORM = new PlatformId("platform-a");
    public static final SocietyId KOMCA = new SocietyId("KOMCA");
    public static final SocietyId KOSA = new SocietyId("KOSA");
    public static final Territory KR = Territory.of("KR");
    public static final Territory JP = Territory.of("JP");
    /** Identifiers are canonical in these tests; the contracts normaliser has its own test. */
    public static final Resolver.IdentifierNormaliser AS_GIVEN = id -> id;

    private Fixtures() {
    }

    public static PartyId party(String id) {
        return new PartyId(id);
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static Instant at(String isoDay) {
        return Instant.parse(isoDay + "T12:00:00Z");
    }

    public static Work work(WorkId... ids) {
        return Work.of(List.of(ids), "Work " + ids[0].value(), Category.MUSIC);
    }

    public static Share share(WorkId work, String party, RightType right, Territory territory, int bp) {
        return new Share(work, party(party), right, territory, bp, null, null);
    }

    public static Share share(WorkId work, String party, RightType right, Territory territory, int bp, String from, String to) {
        return new Share(work, party(party), right, territory, bp, from == null ? null : day(from),
                to == null ? null : day(to));
    }

    public static CatalogueChange.UpsertWork upsert(Work w) {
        return new CatalogueChange.UpsertWork(w);
    }

    public static CatalogueChange.UpsertShare upsert(Share s) {
        return new CatalogueChange.UpsertShare(s);
    }

    public static CatalogueChange.UpsertMandate upsert(Mandate m) {
        return new CatalogueChange.UpsertMandate(m);
    }

    public static CatalogueChange.UpsertLicence upsert(Licence l) {
        return new CatalogueChange.UpsertLicence(l);
    }

    public static CatalogueChange.UpsertReservation upsert(Reservation r) {
        return new CatalogueChange.UpsertReservation(r);
    }

    public static UsageQuery usage(Instant at, Territory territory, WorkId... ids) {
        return new UsageQuery(PLATFORM, List.of(ids), at, territory);
    }

    public static Resolution.Matched matched(Resolution r) {
        if (r instanceof Resolution.Matched m) {
            return m;
        }
        throw new AssertionError("expected Matched, was " + r);
    }

    /** A line as (party or "-", society or "-", bp, status, tariff or "-", disputed) for compact assertions. */
    public static String describe(ResolutionLine l) {
        return (l.party() == null ? "-" : l.party().value()) + " " + (l.society() == null ? "-" : l.society().value())
                + " " + l.basisPoints() + " " + l.status() + " " + (l.tariff() == null ? "-" : l.tariff().value())
                + (l.disputed() ? " disputed" : "");
    }

    public static List<String> describe(Resolution.Matched m) {
        return m.lines().stream().map(Fixtures::describe).toList();
    }
}
