package io.fairshare.registry.application;

import io.fairshare.service.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.persistence.CatalogueStore;
import io.fairshare.registry.persistence.CatalogueStore.AuditRow;
import io.fairshare.registry.persistence.CatalogueStore.Batch;
import io.fairshare.registry.persistence.CatalogueStore.IdentifierRow;
import io.fairshare.registry.persistence.CatalogueStore.RowDelete;
import io.fairshare.registry.persistence.CatalogueStore.RowWrite;
import io.fairshare.registry.persistence.CatalogueStore.StoredRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a list of catalogue changes in the caller's transaction: for each change, the entity row, an audit entry
 * (before and after) and an outbox row, but only if it changes something (an upsert equal to the stored entity and a
 * delete of an absent one are skipped). Checks, per change, that the caller may write it (societies: works, parties,
 * shares and mandates they own or create, shares only on works of their own repertoire (or not yet registered); the
 * authority: everything) and that no identifier of a work belongs to
 * another work. Refused changes are returned, not written; the caller decides whether that aborts the transaction.
 */
@ApplicationScoped
public class CatalogueWriter {
    private final CatalogueStore store;

    public CatalogueWriter(CatalogueStore store) {
        this.store = store;
    }

    public record Refusal(CatalogueChange change, int index, int status, String code, String message) {
    }

    /** What a write did: the changes written (in order), how many were already in force, and the refused ones. */
    public record Outcome(List<CatalogueChange> written, int unchanged, List<Refusal> refused) {
    }

    private record Current(String owner, String doc, JsonNode tree) {
    }

    public Outcome write(Caller caller, List<? extends CatalogueChange> changes) {
        Map<EntityKind, Set<String>> keysByKind = new HashMap<>();
        Set<String> idKeys = new TreeSet<>();
        for (CatalogueChange c : changes) {
            keysByKind.computeIfAbsent(EntityKind.of(c), k -> new TreeSet<>()).add(c.entityKey());
            if (c instanceof CatalogueChange.UpsertWork u) {
                u.work().identifiers().forEach(id -> idKeys.add(id.key()));
            } else if (c instanceof CatalogueChange.UpsertShare u && !caller.isOperator()) {
                keysByKind.computeIfAbsent(EntityKind.WORK, k -> new TreeSet<>()).add("work|" + u.share().work().key());
            }
        }
        Map<String, Current> state = new HashMap<>();
        for (Map.Entry<EntityKind, Set<String>> e : keysByKind.entrySet()) {
            for (StoredRow r : store.find(e.getKey().table(), e.getValue()).values()) {
                state.put(r.key(), new Current(r.owner(), r.doc(), parse(r.doc())));
            }
        }
        Map<String, String> holders = new HashMap<>(store.identifierHolders(idKeys));
        Map<String, List<String>> heldBy = new HashMap<>();
        holders.forEach((id, work) -> heldBy.computeIfAbsent(work, w -> new ArrayList<>()).add(id));

        Map<String, Object> finalOps = new LinkedHashMap<>();
        Map<String, List<IdentifierRow>> identifierRows = new LinkedHashMap<>();
        Set<String> worksLosingIdentifiers = new TreeSet<>();
        List<AuditRow> audit = new ArrayList<>();
        List<String[]> outbox = new ArrayList<>();
        List<CatalogueChange> written = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        int unchanged = 0;

        for (int i = 0; i < changes.size(); i++) {
            CatalogueChange c = changes.get(i);
            EntityKind kind = EntityKind.of(c);
            String key = c.entityKey();
            Current cur = state.get(key);
            if (!caller.isOperator()) {
                if (!kind.societiesMayWrite()) {
                    refused.add(new Refusal(c, i, 403, "AUTHORITY_ONLY",
                            "only the registry authority manages " + kind.table() + " entries"));
                    continue;
                }
                if (cur != null && !caller.id().equals(cur.owner())) {
                    refused.add(new Refusal(c, i, 403, "NOT_OWNER", key + " belongs to "
                            + (cur.owner() == null ? "the registry authority" : "society " + cur.owner())
                            + ", not to " + caller.id()));
                    continue;
                }
                if (c instanceof CatalogueChange.UpsertShare u) {
                    Current work = state.get("work|" + u.share().work().key());
                    if (work != null && !caller.id().equals(work.owner())) {
                        refused.add(new Refusal(c, i, 403, "NOT_OWNER", "work " + u.share().work().key()
                                + " is not in the repertoire of " + caller.id()));
                        continue;
                    }
                }
            }
            ObjectNode doc = CatalogueJson.document(c);
            if (doc != null) {
                if (cur != null && cur.tree().equals(doc)) {
                    unchanged++;
                    continue;
                }
                String workKey = null;
                if (c instanceof CatalogueChange.UpsertWork u) {
                    Work w = u.work();
                    workKey = w.key().key();
                    String taken = null;
                    for (WorkId id : w.identifiers()) {
                        String holder = holders.get(id.key());
                        if (holder != null && !holder.equals(workKey)) {
                            taken = id.key() + " already identifies work " + holder;
                            break;
                        }
                    }
                    if (taken != null) {
                        refused.add(new Refusal(c, i, 409, "IDENTIFIER_TAKEN", taken));
                        continue;
                    }
                    release(holders, heldBy, workKey);
                    List<IdentifierRow> rows = new ArrayList<>();
                    List<String> held = new ArrayList<>();
                    for (WorkId id : w.identifiers()) {
                        holders.put(id.key(), workKey);
                        held.add(id.key());
                        rows.add(new IdentifierRow(id.key(), id.scheme().wireName(), id.value(), workKey));
                    }
                    heldBy.put(workKey, held);
                    if (cur != null) {
                        worksLosingIdentifiers.add(workKey);
                    }
                    identifierRows.put(workKey, rows);
                }
                String owner = cur != null ? cur.owner() : caller.isOperator() ? null : caller.id();
                String json = doc.toString();
                finalOps.put(key, new RowWrite(kind.table(), key, owner, json, extra(c)));
                audit.add(new AuditRow(caller.name(), caller.role(), cur == null ? "CREATE" : "UPDATE", kind.table(), key,
                        cur == null ? null : cur.doc(), json));
                state.put(key, new Current(owner, json, doc));
            } else {
                if (cur == null) {
                    unchanged++;
                    continue;
                }
                if (c instanceof CatalogueChange.DeleteWork d) {
                    String wk = d.key().key();
                    worksLosingIdentifiers.add(wk);
                    identifierRows.remove(wk);
                    release(holders, heldBy, wk);
                }
                finalOps.put(key, new RowDelete(kind.table(), key));
                audit.add(new AuditRow(caller.name(), caller.role(), "DELETE", kind.table(), key, cur.doc(), null));
                state.remove(key);
            }
            outbox.add(new String[] {key, CatalogueJson.change(c).toString()});
            written.add(c);
        }
        if (!written.isEmpty()) {
            Batch b = Batch.empty();
            for (Object op : finalOps.values()) {
                if (op instanceof RowWrite w) {
                    b.writes().add(w);
                } else {
                    b.deletes().add((RowDelete) op);
                }
            }
            b.worksLosingIdentifiers().addAll(worksLosingIdentifiers);
            identifierRows.values().forEach(b.identifiers()::addAll);
            b.audit().addAll(audit);
            b.outbox().addAll(outbox);
            store.write(b);
        }
        return new Outcome(written, unchanged, refused);
    }

    /** Forgets, within this batch, the identifiers a work held. */
    private static void release(Map<String, String> holders, Map<String, List<String>> heldBy, String workKey) {
        List<String> ids = heldBy.remove(workKey);
        if (ids != null) {
            ids.forEach(id -> holders.remove(id, workKey));
        }
    }

    private static String extra(CatalogueChange c) {
        if (c instanceof CatalogueChange.UpsertWork u) {
            return u.work().title();
        } else if (c instanceof CatalogueChange.UpsertShare u) {
            return u.share().work().key();
        } else if (c instanceof CatalogueChange.UpsertMandate u) {
            return u.mandate().party().value();
        } else if (c instanceof CatalogueChange.UpsertLicence u) {
            return u.licence().platform().value();
        } else if (c instanceof CatalogueChange.UpsertSociety u) {
            return u.society().id().value();
        }
        return null;
    }

    static JsonNode parse(String json) {
        try {
            return CatalogueJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not JSON", e);
        }
    }
}
