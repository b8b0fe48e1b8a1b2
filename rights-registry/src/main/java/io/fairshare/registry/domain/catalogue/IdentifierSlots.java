package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import java.util.Arrays;
import java.util.Comparator;

/**
 * What the index keeps under one identifier (a slot): null, one {@link WorkEntry}, or, when several works carry the
 * identifier, a {@code WorkEntry[]} sorted by work key (the order in which the resolver breaks a tie).
 */
final class IdentifierSlots {
    private static final Comparator<WorkEntry> BY_KEY = Comparator.comparing(e -> e.key.key());

    private IdentifierSlots() {
    }

    static WorkEntry[] entries(Object slot) {
        if (slot == null) {
            return new WorkEntry[0];
        }
        if (slot instanceof WorkEntry e) {
            return new WorkEntry[] {e};
        }
        return (WorkEntry[]) slot;
    }

    /** The slot without the entry of {@code key}. */
    static Object removeFromSlot(Object slot, WorkId key) {
        if (slot instanceof WorkEntry e) {
            return e.key.equals(key) ? null : e;
        }
        WorkEntry[] next = KeyedArrays.without((WorkEntry[]) slot, e -> e.key.equals(key), WorkEntry[]::new);
        if (next == null) {
            return slot;
        }
        return next.length == 1 ? next[0] : next;
    }

    /** The slot with {@code neu} replacing the entry of its key, or added in key order. */
    static Object putInSlot(Object slot, WorkEntry neu) {
        if (slot == null) {
            return neu;
        }
        if (slot instanceof WorkEntry e) {
            if (e.key.equals(neu.key)) {
                return neu;
            }
            WorkEntry[] two = {e, neu};
            Arrays.sort(two, BY_KEY);
            return two;
        }
        WorkEntry[] all = (WorkEntry[]) slot;
        for (int i = 0; i < all.length; i++) {
            if (all[i].key.equals(neu.key)) {
                WorkEntry[] next = all.clone();
                next[i] = neu;
                return next;
            }
        }
        WorkEntry[] next = Arrays.copyOf(all, all.length + 1);
        next[all.length] = neu;
        Arrays.sort(next, BY_KEY);
        return next;
    }
}
