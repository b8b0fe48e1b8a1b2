package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.party.SocietyId;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one {@link CatalogueIndex}: what {@link IndexWrites} changes and the index's reads see. Only the
 * single writer ({@link CatalogueIndex#apply}, synchronized) changes it; the maps are concurrent and every value in
 * them is immutable or swapped whole, the counters are volatile.
 */
final class IndexState {
    /** Value: a {@link WorkEntry} or, when several works carry the identifier, a {@code WorkEntry[]} sorted by key. */
    final ConcurrentHashMap<WorkId, Object> byIdentifier = new ConcurrentHashMap<>();
    final ConcurrentHashMap<PartyId, PartySlot> parties = new ConcurrentHashMap<>();
    final ConcurrentHashMap<SocietyId, Society> societies = new ConcurrentHashMap<>();
    final ConcurrentHashMap<PlatformId, ConcurrentHashMap<SocietyId, Licence[]>> licences = new ConcurrentHashMap<>();
    /** The dates stored, each kept once (written only). */
    final ConcurrentHashMap<LocalDate, LocalDate> dates = new ConcurrentHashMap<>();

    volatile int workCount;
    volatile int partyCount;
    volatile int shareCount;
    volatile int mandateCount;
    volatile int reservationCount;
    volatile int licenceCount;

    WorkEntry entryByKey(WorkId key) {
        Object slot = byIdentifier.get(key);
        if (slot instanceof WorkEntry e) {
            return e.key.equals(key) ? e : null;
        }
        if (slot != null) {
            for (WorkEntry e : (WorkEntry[]) slot) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
        }
        return null;
    }
}
