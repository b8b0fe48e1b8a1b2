package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.Share;
import java.util.Objects;

/**
 * One change to the catalogue: an upsert or a delete of one entity, by its natural key. Importers emit them, a
 * store persists them, and a messaging adapter replays them into every instance's {@link CatalogueIndex}.
 *
 * <p>Entities are independent: deleting a work does not delete its shares or reservations, and a share may arrive
 * before its work. The index state therefore depends only on the latest value (or deletion) per key, not on the
 * order in which different keys were applied, which is what a compacted topic delivers.
 */
public sealed interface CatalogueChange {

    /**
     * A stable string for the entity's natural key, unique across kinds (e.g. {@code work|iswc:T0345246801}); a
     * messaging adapter can use it as the record key of a compacted topic, deletes being tombstones.
     */
    String entityKey();

    static String keyOf(Share.Key k) {
        return "share|" + k.work().key() + "|" + k.party().value() + "|" + k.right() + "|" + k.territory().code()
                + "|" + (k.validFrom() == null ? "" : k.validFrom());
    }

    static String keyOf(Mandate.Key k) {
        return "mandate|" + k.party().value() + "|" + k.right() + "|" + k.territory().code()
                + "|" + (k.validFrom() == null ? "" : k.validFrom());
    }

    static String keyOf(Reservation.Key k) {
        String target = k.target() instanceof Reservation.OnWork w ? "work:" + w.work().key()
                : "party:" + ((Reservation.OnParty) k.target()).party().value();
        return "reservation|" + target + "|" + k.source();
    }

    static String keyOf(Licence.Key k) {
        return k.id();
    }

    record UpsertWork(Work work) implements CatalogueChange {
        public UpsertWork {
            Objects.requireNonNull(work, "work");
        }

        @Override
        public String entityKey() {
            return "work|" + work.key().key();
        }
    }

    record DeleteWork(WorkId key) implements CatalogueChange {
        public DeleteWork {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String entityKey() {
            return "work|" + key.key();
        }
    }

    record UpsertParty(Party party) implements CatalogueChange {
        public UpsertParty {
            Objects.requireNonNull(party, "party");
        }

        @Override
        public String entityKey() {
            return "party|" + party.id().value();
        }
    }

    record DeleteParty(PartyId id) implements CatalogueChange {
        public DeleteParty {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String entityKey() {
            return "party|" + id.value();
        }
    }

    record UpsertShare(Share share) implements CatalogueChange {
        public UpsertShare {
            Objects.requireNonNull(share, "share");
        }

        @Override
        public String entityKey() {
            return keyOf(share.key());
        }
    }

    record DeleteShare(Share.Key key) implements CatalogueChange {
        public DeleteShare {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String entityKey() {
            return keyOf(key);
        }
    }

    record UpsertSociety(Society society) implements CatalogueChange {
        public UpsertSociety {
            Objects.requireNonNull(society, "society");
        }

        @Override
        public String entityKey() {
            return "society|" + society.id().value();
        }
    }

    record DeleteSociety(SocietyId id) implements CatalogueChange {
        public DeleteSociety {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String entityKey() {
            return "society|" + id.value();
        }
    }

    record UpsertMandate(Mandate mandate) implements CatalogueChange {
        public UpsertMandate {
            Objects.requireNonNull(mandate, "mandate");
        }

        @Override
        public String entityKey() {
            return keyOf(mandate.key());
        }
    }

    record DeleteMandate(Mandate.Key key) implements CatalogueChange {
        public DeleteMandate {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String entityKey() {
            return keyOf(key);
        }
    }

    record UpsertReservation(Reservation reservation) implements CatalogueChange {
        public UpsertReservation {
            Objects.requireNonNull(reservation, "reservation");
        }

        @Override
        public String entityKey() {
            return keyOf(reservation.key());
        }
    }

    record DeleteReservation(Reservation.Key key) implements CatalogueChange {
        public DeleteReservation {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String entityKey() {
            return keyOf(key);
        }
    }

    record UpsertLicence(Licence licence) implements CatalogueChange {
        public UpsertLicence {
            Objects.requireNonNull(licence, "licence");
        }

        @Override
        public String entityKey() {
            return keyOf(licence.key());
        }
    }

    record DeleteLicence(Licence.Key key) implements CatalogueChange {
        public DeleteLicence {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String entityKey() {
            return keyOf(key);
        }
    }
}
