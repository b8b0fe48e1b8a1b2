package io.fairshare.registry.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.CatalogueIndex;
import io.fairshare.registry.persistence.CatalogueStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The catalogue in memory, on every instance: one {@link CatalogueIndex} for the life of the instance. At start-up
 * (after the migrations) it positions the change-topic consumer at the topic's end, streams the whole catalogue from
 * PostgreSQL into the index (table by table, without holding the rows), then starts
 * the consumer: every change committed after the positioning arrives from the topic (changes between positioning and
 * load arrive twice; applying is idempotent and per-key ordered, so the index converges on the stored state).
 */
@ApplicationScoped
public class CatalogueState {
    private static final Logger LOG = Logger.getLogger(CatalogueState.class);

    private final CatalogueStore store;
    private final ChangeFeed feed;
    private final ChangeRelay relay;
    private final List<Consumer<List<CatalogueChange>>> listeners = new CopyOnWriteArrayList<>();
    private final CatalogueIndex index = new CatalogueIndex();

    public CatalogueState(CatalogueStore store, ChangeFeed feed, ChangeRelay relay) {
        this.store = store;
        this.feed = feed;
        this.relay = relay;
    }

    /** The live index, for resolution. */
    public CatalogueIndex index() {
        return index;
    }

    /** Called after changes from the change topic were applied to the index, on every instance. */
    public void addListener(Consumer<List<CatalogueChange>> listener) {
        listeners.add(listener);
    }

    void onStart(@Observes @Priority(2) StartupEvent event) {
        feed.position();
        long t0 = System.nanoTime();
        long[] n = loadInto(index);
        LOG.infof("catalogue loaded: %d works, %d parties, %d shares, %d societies, %d mandates, %d reservations, "
                + "%d licences in %d ms", n[0], n[1], n[2], n[3], n[4], n[5], n[6], (System.nanoTime() - t0) / 1_000_000);
        feed.start(this::applyFromTopic);
        relay.ready();
    }

    /** A fresh index loaded from the store, as at start-up (for checks; the live one is {@link #index()}). */
    public CatalogueIndex loadFromStore() {
        CatalogueIndex fresh = new CatalogueIndex();
        loadInto(fresh);
        return fresh;
    }

    /** Streams every table into {@code target}; returns the row counts (works, parties, shares, societies, ...). */
    private long[] loadInto(CatalogueIndex target) {
        return new long[] {
            load(target, "work", (n, e) -> new CatalogueChange.UpsertWork(CatalogueJson.readWork(n, e, ""))),
            load(target, "party", (n, e) -> new CatalogueChange.UpsertParty(CatalogueJson.readParty(n, e, ""))),
            load(target, "share", (n, e) -> new CatalogueChange.UpsertShare(CatalogueJson.readShare(n, e, ""))),
            load(target, "society", (n, e) -> new CatalogueChange.UpsertSociety(CatalogueJson.readSociety(n, e, ""))),
            load(target, "mandate", (n, e) -> new CatalogueChange.UpsertMandate(CatalogueJson.readMandate(n, e, ""))),
            load(target, "reservation",
                    (n, e) -> new CatalogueChange.UpsertReservation(CatalogueJson.readReservation(n, e, ""))),
            load(target, "licence", (n, e) -> new CatalogueChange.UpsertLicence(CatalogueJson.readLicence(n, e, "")))};
    }

    /** Applies changes this instance has just committed, so that a read on this instance sees them at once. */
    public void applyLocal(List<CatalogueChange> changes) {
        index.applyAll(changes);
    }

    void applyFromTopic(List<CatalogueChange> changes) {
        index.applyAll(changes);
        for (Consumer<List<CatalogueChange>> l : listeners) {
            try {
                l.accept(changes);
            } catch (RuntimeException e) {
                LOG.errorf(e, "catalogue change listener %s failed", l);
            }
        }
    }

    private long load(CatalogueIndex target, String table, BiFunction<JsonNode, CatalogueJson.Errors, CatalogueChange> reader) {
        return store.streamAll(table, json -> target.apply(reader.apply(CatalogueWriter.parse(json), CatalogueJson.Errors.strict())));
    }
}
