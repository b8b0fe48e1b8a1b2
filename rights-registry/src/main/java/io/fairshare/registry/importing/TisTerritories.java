package io.fairshare.registry.importing;

import io.fairshare.registry.domain.scope.Territory;
import java.util.Map;
import java.util.Optional;

/**
 * The CISAC TIS (Territory Information System) numeric codes the CWR importer maps, to ISO 3166-1 alpha-2 or
 * WORLD. For countries the TIS code is the ISO 3166-1 numeric code; 2136 is the TIS group "WORLD". Codes were
 * checked against the TIS territory table (as published in cdacos/allegro {@code lookups/tis_codes.rs}). Other codes
 * (e.g. 2120 EUROPE, 2100 AFRICA) are reported as not supported.
 */
public final class TisTerritories {
    private TisTerritories() {
    }

    private static final Map<Integer, Territory> TABLE = Map.ofEntries(
            Map.entry(2136, Territory.WORLD),
            Map.entry(410, Territory.of("KR")),   // KOREA, REPUBLIC OF
            Map.entry(392, Territory.of("JP")),   // JAPAN
            Map.entry(156, Territory.of("CN")),   // CHINA
            Map.entry(840, Territory.of("US")),   // UNITED STATES
            Map.entry(124, Territory.of("CA")),   // CANADA
            Map.entry(826, Territory.of("GB")),   // UNITED KINGDOM
            Map.entry(276, Territory.of("DE")),   // GERMANY
            Map.entry(250, Territory.of("FR")),   // FRANCE
            Map.entry(36, Territory.of("AU")));   // AUSTRALIA

    public static Optional<Territory> of(int tisCode) {
        return Optional.ofNullable(TABLE.get(tisCode));
    }

    /** The supported codes and their territories. */
    public static Map<Integer, Territory> table() {
        return TABLE;
    }
}
