package io.fairshare.registry.application;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.registry.persistence.CatalogueStore;
import io.fairshare.registry.persistence.CatalogueStore.StoredRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads of the stored catalogue and audit log, as JSON views (the entity document plus its {@code owner}). */
@ApplicationScoped
public class CatalogueQueries {
    public static final int MAX_PAGE_SIZE = 500;

    private final CatalogueStore store;

    public CatalogueQueries(CatalogueStore store) {
        this.store = store;
    }

    public record Page(List<ObjectNode> items, int page, int size) {
    }

    public Optional<ObjectNode> byKey(EntityKind kind, String entityKey) {
        return store.find(kind.table(), List.of(entityKey)).values().stream().findFirst().map(CatalogueQueries::view);
    }

    public Optional<ObjectNode> workByIdentifier(String idKey) {
        return store.worksByIdentifier(idKey).stream().findFirst().map(CatalogueQueries::view);
    }

    public Page worksByTitle(String prefix, int page, int size) {
        return page(store.worksByTitlePrefix(prefix, page * size, size), page, size);
    }

    public Page sharesOfWork(String workKey, int page, int size) {
        return page(store.query("share", "work_key", workKey, page * size, size), page, size);
    }

    public Page mandatesOfParty(String partyId, int page, int size) {
        return page(store.query("mandate", "party_id", partyId, page * size, size), page, size);
    }

    public Page licencesOfPlatform(String platformId, int page, int size) {
        return page(store.query("licence", "platform_id", platformId, page * size, size), page, size);
    }

    /** Reservations on a work ({@code field} "work", value its key) or a party ("party", its id). */
    public Page reservationsOf(String field, String value, int page, int size) {
        return page(store.reservations(field, value, page * size, size), page, size);
    }

    public List<ObjectNode> audit(String entityKey, int limit) {
        return store.audit(entityKey, limit).stream().map(a -> {
            ObjectNode n = CatalogueJson.MAPPER.createObjectNode();
            n.put("id", a.id());
            n.put("at", a.at().toString());
            n.put("actor", a.actor());
            n.put("actorRole", a.actorRole());
            n.put("action", a.action());
            n.put("entityKind", a.kind());
            n.put("entityKey", a.key());
            n.set("before", a.before() == null ? null : CatalogueWriter.parse(a.before()));
            n.set("after", a.after() == null ? null : CatalogueWriter.parse(a.after()));
            return n;
        }).toList();
    }

    /** Counts for the outbox and audit log (used by operators and tests). */
    public long outboxSize() {
        return store.count("catalogue_change");
    }

    public long auditSize() {
        return store.count("audit_log");
    }

    private static Page page(List<StoredRow> rows, int page, int size) {
        return new Page(rows.stream().map(CatalogueQueries::view).toList(), page, size);
    }

    static ObjectNode view(StoredRow r) {
        ObjectNode n = (ObjectNode) CatalogueWriter.parse(r.doc());
        n.put("owner", r.owner());
        return n;
    }

    static ArrayNode array(List<ObjectNode> items) {
        ArrayNode a = CatalogueJson.MAPPER.createArrayNode();
        items.forEach(a::add);
        return a;
    }
}
