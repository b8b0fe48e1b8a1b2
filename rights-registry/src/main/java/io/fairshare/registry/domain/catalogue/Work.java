package io.fairshare.registry.domain.catalogue;

import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.IdentifierPriority;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A creative work.
 *
 * @param key             its natural key: one of its identifiers, by convention the highest-priority one
 *                        ({@link IdentifierPriority#primary}); shares and reservations refer to the work by it
 * @param identifiers     every identifier the work is known by, in canonical form (as {@code Identifiers.normalize}
 *                        returns it), the key included; no duplicates
 * @param title           the main title
 * @param category        what kind of work it is
 * @param alternateTitles other titles (CWR ALT records); possibly empty
 */
public record Work(WorkId key, List<WorkId> identifiers, String title, Category category, List<String> alternateTitles) {
    public Work {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a work needs at least one identifier");
        }
        List<WorkId> ids = new ArrayList<>(identifiers.size());
        WorkId keyInstance = null;
        for (WorkId id : identifiers) {
            Objects.requireNonNull(id, "identifier");
            if (ids.contains(id)) {
                throw new IllegalArgumentException("duplicate identifier " + id.key());
            }
            ids.add(id);
            if (id.equals(key)) {
                keyInstance = id;
            }
        }
        if (keyInstance == null) {
            throw new IllegalArgumentException("key " + key.key() + " is not one of the work's identifiers");
        }
        key = keyInstance;
        identifiers = List.copyOf(ids);
        alternateTitles = alternateTitles == null ? List.of() : List.copyOf(alternateTitles);
    }

    /** A work keyed by its highest-priority identifier, without alternate titles. */
    public static Work of(List<WorkId> identifiers, String title, Category category) {
        return new Work(IdentifierPriority.primary(identifiers), identifiers, title, category, List.of());
    }
}
