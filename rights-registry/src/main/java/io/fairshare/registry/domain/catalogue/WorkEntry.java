package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The immutable state of one work key in the {@link CatalogueIndex}: the work (null while only its shares or
 * reservations are known), its shares packed (see below) and its work-level reservations. A write replaces it whole.
 * Outside the index it is a handle: {@link CatalogueIndex#workNamedBy} gives it, {@link CatalogueIndex#currentShares}
 * reads the same state of the work (a later write does not change it); only {@link #work()} and {@link #key()} are
 * open to others.
 */
public final class WorkEntry {
    // Packed share: data[3i] = basis points (bits 0-13) | right type ordinal (14-16) | territory index (17-25);
    // data[3i+1] = first day (epoch day, Integer.MIN_VALUE if since always);
    // data[3i+2] = last day, inclusive (epoch day, Integer.MAX_VALUE if open-ended).
    static final int[] NO_DATA = new int[0];
    static final int BP_MASK = 0x3FFF;
    static final int RIGHT_SHIFT = 14;
    static final int TERRITORY_SHIFT = 17;

    final WorkId key;
    /** Null while only shares or reservations of the key are known. */
    final Work work;
    final PartySlot[] shareParties;
    final int[] shareData;
    final Reservation[] reservations;

    WorkEntry(WorkId key, Work work, PartySlot[] shareParties, int[] shareData, Reservation[] reservations) {
        this.key = key;
        this.work = work;
        this.shareParties = shareParties;
        this.shareData = shareData;
        this.reservations = reservations;
    }

    /** The work; never null for an entry the index hands out. */
    public Work work() {
        return work;
    }

    /** The work's key. */
    public WorkId key() {
        return key;
    }

    boolean isEmpty() {
        return work == null && shareParties.length == 0 && reservations.length == 0;
    }

    List<WorkId> indexedUnder() {
        return work != null ? work.identifiers() : List.of(key);
    }

    static int meta(Share s) {
        return s.basisPoints() | s.right().ordinal() << RIGHT_SHIFT | s.territory().index() << TERRITORY_SHIFT;
    }

    static int firstDay(LocalDate from) {
        return from == null ? Integer.MIN_VALUE : epochDay(from);
    }

    static int lastDay(LocalDate to) {
        return to == null ? Integer.MAX_VALUE : epochDay(to);
    }

    private static int epochDay(LocalDate d) {
        long day = d.toEpochDay();
        if (day <= Integer.MIN_VALUE || day >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("date out of the supported range: " + d);
        }
        return (int) day;
    }

    Share share(int i) {
        int meta = shareData[3 * i];
        int from = shareData[3 * i + 1];
        int to = shareData[3 * i + 2];
        return new Share(key, shareParties[i].id, RightType.values()[(meta >>> RIGHT_SHIFT) & 7],
                Territory.byIndex(meta >>> TERRITORY_SHIFT), meta & BP_MASK,
                from == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(from),
                to == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(to));
    }

    List<Share> shares() {
        List<Share> out = new ArrayList<>(shareParties.length);
        for (int i = 0; i < shareParties.length; i++) {
            out.add(share(i));
        }
        return out;
    }

    /** Position of the share with this key (party, right, territory, first day), or -1. */
    int indexOf(PartyId party, int rightAndTerritory, int firstDay) {
        for (int i = 0; i < shareParties.length; i++) {
            if (shareParties[i].id.equals(party) && (shareData[3 * i] & ~BP_MASK) == rightAndTerritory
                    && shareData[3 * i + 1] == firstDay) {
                return i;
            }
        }
        return -1;
    }
}
