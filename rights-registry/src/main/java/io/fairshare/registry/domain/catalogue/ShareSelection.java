package io.fairshare.registry.domain.catalogue;

import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.RightType;
import java.time.LocalDate;
import java.util.List;

/**
 * The selection behind {@link CatalogueIndex#currentShares}: reads one {@link WorkEntry}'s packed shares and copies
 * nothing but the per-party sums (one array of slots and one of basis points, sized by the work's share count).
 */
final class ShareSelection {
    private static final int WORLD = Territory.WORLD.index();

    private ShareSelection() {
    }

    /** See {@link CatalogueIndex#currentShares}. */
    static CurrentShares select(WorkEntry entry, LocalDate day, Territory territory, List<RightType> rights) {
        int dayNumber = (int) day.toEpochDay();
        int eventTerritory = territory.index();
        boolean eventInWorld = eventTerritory == WORLD;
        PartySlot[] shareParties = entry.shareParties;
        int[] data = entry.shareData;
        int shares = shareParties.length;
        RightType right = null;
        int shareTerritory = -1;
        for (int k = 0, nr = rights.size(); k < nr; k++) {
            RightType r = rights.get(k);
            int rightBits = r.ordinal();
            boolean inTerritory = false;
            boolean inWorld = false;
            for (int i = 0; i < shares; i++) {
                int meta = data[3 * i];
                if (((meta >>> WorkEntry.RIGHT_SHIFT) & 7) == rightBits
                        && data[3 * i + 1] <= dayNumber && dayNumber <= data[3 * i + 2]) {
                    int t = meta >>> WorkEntry.TERRITORY_SHIFT;
                    if (!eventInWorld && t == eventTerritory) {
                        inTerritory = true;
                    } else if (t == WORLD) {
                        inWorld = true;
                    }
                }
            }
            if (inTerritory || inWorld) {
                right = r;
                shareTerritory = inTerritory ? eventTerritory : WORLD;
                break;
            }
        }
        if (right == null) {
            return new CurrentShares(null, null, PartySlot.NO_PARTIES, WorkEntry.NO_DATA, 0, entry.reservations);
        }
        PartySlot[] parties = new PartySlot[shares];
        int[] claimed = new int[shares];
        int count = 0;
        int wanted = right.ordinal() << WorkEntry.RIGHT_SHIFT | shareTerritory << WorkEntry.TERRITORY_SHIFT;
        for (int i = 0; i < shares; i++) {
            int meta = data[3 * i];
            if ((meta & ~WorkEntry.BP_MASK) == wanted && data[3 * i + 1] <= dayNumber && dayNumber <= data[3 * i + 2]) {
                PartySlot party = shareParties[i];
                int at = indexOf(parties, count, party);
                if (at < 0) {
                    parties[count] = party;
                    claimed[count] = meta & WorkEntry.BP_MASK;
                    count++;
                } else {
                    claimed[at] += meta & WorkEntry.BP_MASK;
                }
            }
        }
        sortByParty(parties, claimed, count);
        return new CurrentShares(right, Territory.byIndex(shareTerritory), parties, claimed, count, entry.reservations);
    }

    private static int indexOf(PartySlot[] parties, int count, PartySlot p) {
        for (int i = 0; i < count; i++) {
            if (parties[i] == p) {
                return i;
            }
        }
        return -1;
    }

    private static void sortByParty(PartySlot[] parties, int[] bps, int count) {
        for (int i = 1; i < count; i++) {
            PartySlot p = parties[i];
            int b = bps[i];
            int j = i - 1;
            while (j >= 0 && parties[j].id.compareTo(p.id) > 0) {
                parties[j + 1] = parties[j];
                bps[j + 1] = bps[j];
                j--;
            }
            parties[j + 1] = p;
            bps[j + 1] = b;
        }
    }
}
