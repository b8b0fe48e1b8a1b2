package io.fairshare.registry.domain.resolution;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.RightType;
import java.time.LocalDate;
import java.util.List;

/** The outcome of resolving one usage event: whose work it is and who gets what, or why that is unknown. */
public sealed interface Resolution permits Resolution.Matched, Resolution.Unmatched {

    /**
     * The event's work was found.
     *
     * @param work             the work
     * @param dayOfUse         the UTC calendar day of the time of use, on which every validity was judged
     * @param rightType        the right type whose shares were used (TRAINING or its fallback); null when no share
     *                         of the work is valid for the event
     * @param shareTerritory   the territory of the share set used (the event's, or WORLD); null as for rightType
     * @param lines            one line per entitled party, sorted by party id, then the unclaimed remainder if any;
     *                         their basis points sum to exactly 10000
     * @param overClaimed      the shares summed to more than 10000 and were scaled down (lines marked disputed)
     * @param conflictingWorks keys of other works that identifiers of the same event point to (sorted); empty when
     *                         all identifiers agree
     */
    record Matched(Work work, LocalDate dayOfUse, RightType rightType, Territory shareTerritory,
                   List<ResolutionLine> lines, boolean overClaimed, List<WorkId> conflictingWorks) implements Resolution {
        public Matched {
            lines = List.copyOf(lines);
            conflictingWorks = List.copyOf(conflictingWorks);
        }

        public boolean hasConflict() {
            return !conflictingWorks.isEmpty();
        }
    }

    /**
     * The work could not be determined; the event is held for a later back-claim.
     *
     * @param detail a sentence an operator can act on (which identifiers were tried)
     */
    record Unmatched(Reason reason, String detail) implements Resolution {
    }

    enum Reason {
        /** The event carried no work identifier. */
        NO_IDENTIFIERS,
        /** No work in the catalogue carries any of the event's identifiers. */
        UNKNOWN_WORK
    }
}
