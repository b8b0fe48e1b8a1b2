package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import java.util.Collection;

/**
 * The order in which identifier schemes count: ISWC, ISRC, ISBN, ISAN, DOI, SHA256, URL. It picks a work's key (its
 * highest-priority identifier) and, when the identifiers of one usage event point to different works, the work
 * that wins (the one found by the highest-priority identifier). URLs come last because the same article moves
 * between addresses; a content hash is exact but only identifies one rendition.
 */
public final class IdentifierPriority {
    private IdentifierPriority() {
    }

    /** 0 for the highest priority (ISWC) to 6 for the lowest (URL). */
    public static int rank(IdScheme scheme) {
        switch (scheme) {
            case ISWC: return 0;
            case ISRC: return 1;
            case ISBN: return 2;
            case ISAN: return 3;
            case DOI: return 4;
            case SHA256: return 5;
            case URL: return 6;
            default: throw new IllegalArgumentException("unranked scheme " + scheme);
        }
    }

    /** The highest-priority identifier; among equals, the first in iteration order. Null for an empty collection. */
    public static WorkId primary(Collection<WorkId> ids) {
        WorkId best = null;
        for (WorkId id : ids) {
            if (best == null || rank(id.scheme()) < rank(best.scheme())) {
                best = id;
            }
        }
        return best;
    }
}
