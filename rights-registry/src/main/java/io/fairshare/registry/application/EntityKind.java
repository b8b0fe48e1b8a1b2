package io.fairshare.registry.application;

import io.fairshare.registry.domain.catalogue.CatalogueChange;

/** The kinds of catalogue entity: the table each is stored in, its field name in a change envelope, who may write it. */
public enum EntityKind {
    WORK("work", "work", true),
    PARTY("party", "party", true),
    SHARE("share", "share", true),
    MANDATE("mandate", "mandate", true),
    SOCIETY("society", "society", false),
    RESERVATION("reservation", "reservation", false),
    LICENCE("licence", "licence", false);

    private final String table;
    private final String field;
    private final boolean societiesMayWrite;

    EntityKind(String table, String field, boolean societiesMayWrite) {
        this.table = table;
        this.field = field;
        this.societiesMayWrite = societiesMayWrite;
    }

    public String table() {
        return table;
    }

    public String field() {
        return field;
    }

    /** Works, parties, shares and mandates: a society writes its own; the rest is the authority's. */
    public boolean societiesMayWrite() {
        return societiesMayWrite;
    }

    public static EntityKind of(CatalogueChange c) {
        if (c instanceof CatalogueChange.UpsertWork || c instanceof CatalogueChange.DeleteWork) {
            return WORK;
        } else if (c instanceof CatalogueChange.UpsertParty || c instanceof CatalogueChange.DeleteParty) {
            return PARTY;
        } else if (c instanceof CatalogueChange.UpsertShare || c instanceof CatalogueChange.DeleteShare) {
            return SHARE;
        } else if (c instanceof CatalogueChange.UpsertMandate || c instanceof CatalogueChange.DeleteMandate) {
            return MANDATE;
        } else if (c instanceof CatalogueChange.UpsertSociety || c instanceof CatalogueChange.DeleteSociety) {
            return SOCIETY;
        } else if (c instanceof CatalogueChange.UpsertReservation || c instanceof CatalogueChange.DeleteReservation) {
            return RESERVATION;
        }
        return LICENCE;
    }
}
