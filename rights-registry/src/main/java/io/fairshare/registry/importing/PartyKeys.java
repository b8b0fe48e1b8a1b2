package io.fairshare.registry.importing;

import io.fairshare.registry.domain.party.PartyId;

/**
 * How importers name parties, so that the same rights holder gets the same id from any file: {@code ipi:<IPI name
 * number>} when one is known, else {@code isni:<ISNI>}, else {@code ref:<source>:<the source's own reference>}
 * (e.g. {@code ref:KOMCA:M-0042}, {@code ref:cwr-000000123:W0000001}).
 */
public final class PartyKeys {
    private PartyKeys() {
    }

    /**
     * @param ipi      canonical IPI name number or null
     * @param isni     canonical ISNI or null
     * @param source   who sent the file (CSV: the importer's source; CWR: "cwr-" and the HDR sender id)
     * @param localRef the file's own reference for the party
     */
    public static PartyId of(String ipi, String isni, String source, String localRef) {
        if (ipi != null) {
            return new PartyId("ipi:" + ipi);
        }
        if (isni != null) {
            return new PartyId("isni:" + isni);
        }
        return new PartyId("ref:" + source + ":" + localRef);
    }
}
