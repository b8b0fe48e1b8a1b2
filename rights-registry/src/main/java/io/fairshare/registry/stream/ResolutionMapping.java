package io.fairshare.registry.stream;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.fairshare.registry.domain.catalogue.IdentifierPriority;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.resolution.Resolution;
import io.fairshare.registry.domain.resolution.ResolutionLine;
import io.fairshare.registry.domain.resolution.Resolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates a domain {@link Resolution} of an accepted event into the event the registry publishes: a
 * {@link UsageResolvedV1} for a match, a {@link UsageUnmatchedV1} otherwise. Plain Java, no framework.
 */
public final class ResolutionMapping {
    private ResolutionMapping() {
    }

    /** What one accepted event becomes: exactly one of the two is non-null. */
    public record Outcome(UsageResolvedV1 resolved, UsageUnmatchedV1 unmatched) {
        public boolean isResolved() {
            return resolved != null;
        }
    }

    public static Outcome map(UsageAcceptedV1 usage, Resolution resolution, boolean backClaim, Instant now) {
        if (resolution instanceof Resolution.Matched m) {
            return new Outcome(resolved(usage, m, backClaim, now), null);
        }
        Resolution.Unmatched u = (Resolution.Unmatched) resolution;
        return new Outcome(null, new UsageUnmatchedV1(usage, u.reason().name() + ": " + u.detail(), now));
    }

    public static UsageResolvedV1 resolved(UsageAcceptedV1 usage, Resolution.Matched m, boolean backClaim, Instant now) {
        List<ResolvedLineV1> lines = new ArrayList<>(m.lines().size());
        for (ResolutionLine l : m.lines()) {
            lines.add(new ResolvedLineV1(
                    l.party() == null ? null : l.party().value(),
                    l.society() == null ? null : l.society().value(),
                    l.basisPoints(),
                    io.fairshare.contracts.usage.LineStatus.valueOf(l.status().name()),
                    // the licence the resolver applied (LICENSED lines), by its catalogue key
                    l.licence() == null ? null : l.licence().id(),
                    l.tariff() == null ? null : l.tariff().value(),
                    l.disputed()));
        }
        Work work = m.work();
        return new UsageResolvedV1(usage, work.key().key(), work.category().wireName(), matchedBy(usage, work), backClaim,
                lines, now);
    }

    /**
     * The event identifier that found the work, in the work's (canonical) form: the event's identifier of highest
     * priority (the first of equal ones) that the work carries as given or in canonical form, as the resolver
     * chooses the work.
     */
    static WorkId matchedBy(UsageAcceptedV1 usage, Work work) {
        WorkId best = null;
        for (WorkId id : identifiers(usage)) {
            WorkId carried = work.identifiers().contains(id) ? id : canonicalIfCarried(id, work);
            if (carried != null && (best == null
                    || IdentifierPriority.rank(carried.scheme()) < IdentifierPriority.rank(best.scheme()))) {
                best = carried;
            }
        }
        return best != null ? best : work.key();
    }

    private static WorkId canonicalIfCarried(WorkId id, Work work) {
        WorkId canonical = Resolver.CONTRACTS.canonical(id);
        return canonical != null && work.identifiers().contains(canonical) ? canonical : null;
    }

    /**
     * The lookup keys under which an event is held ({@code scheme:value}): each identifier as given and, where it
     * differs, its canonical form, so that a work (whose identifiers are canonical) finds the events it resolves.
     */
    public static Set<String> holdingKeys(UsageAcceptedV1 usage) {
        Set<String> keys = new LinkedHashSet<>();
        for (WorkId id : identifiers(usage)) {
            keys.add(id.key());
            WorkId canonical = Resolver.CONTRACTS.canonical(id);
            if (canonical != null) {
                keys.add(canonical.key());
            }
        }
        return keys;
    }

    private static List<WorkId> identifiers(UsageAcceptedV1 usage) {
        return usage.work() == null ? List.of() : usage.work().identifiers();
    }
}
