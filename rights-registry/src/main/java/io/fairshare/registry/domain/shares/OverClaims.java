package io.fairshare.registry.domain.shares;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.scope.Territory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds over-claims: days on which the shares of one work, right type and territory sum to more than 10000 basis
 * points. Over-claims are stored as claimed and settled by the resolver's scaling policy; this is how importers
 * report them.
 */
public final class OverClaims {
    private OverClaims() {
    }

    /**
     * One over-claimed share set.
     *
     * @param from             the first day (null: since always) on which the shares sum to {@code totalBasisPoints}
     * @param totalBasisPoints the sum on that day, above 10000
     */
    public record OverClaim(WorkId work, RightType right, Territory territory, LocalDate from, int totalBasisPoints) {
    }

    /** For each (work, right, territory) over-claimed on some day, the first such day, in input order of groups. */
    public static List<OverClaim> find(Collection<Share> shares) {
        Map<List<Object>, List<Share>> groups = new LinkedHashMap<>();
        for (Share s : shares) {
            groups.computeIfAbsent(List.of(s.work(), s.right(), s.territory()), k -> new ArrayList<>()).add(s);
        }
        List<OverClaim> out = new ArrayList<>();
        for (List<Share> group : groups.values()) {
            // A sum of ranges is highest on some range's first day, so those days are the only ones to check.
            boolean sinceAlways = group.stream().anyMatch(s -> s.validFrom() == null);
            TreeSet<LocalDate> starts = new TreeSet<>(Comparator.naturalOrder());
            group.stream().filter(s -> s.validFrom() != null).forEach(s -> starts.add(s.validFrom()));
            List<LocalDate> points = new ArrayList<>();
            if (sinceAlways) {
                points.add(null);
            }
            points.addAll(starts);
            for (LocalDate p : points) {
                long total = 0;
                for (Share s : group) {
                    boolean started = s.validFrom() == null || (p != null && !p.isBefore(s.validFrom()));
                    boolean notEnded = s.validTo() == null || p == null || !p.isAfter(s.validTo());
                    if (started && notEnded) {
                        total += s.basisPoints();
                    }
                }
                if (total > 10_000) {
                    Share first = group.get(0);
                    out.add(new OverClaim(first.work(), first.right(), first.territory(), p, (int) total));
                    break;
                }
            }
        }
        return out;
    }
}
