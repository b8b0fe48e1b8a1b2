package io.fairshare.registry.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.persistence.CatalogueStore;
import io.fairshare.service.Outages;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Catalogue writes made through the API: all of a request's changes, their audit entries and outbox rows in one
 * transaction, or nothing (a refused change aborts the request with 403 or 409). After the commit the changes are
 * applied to this instance's index at once (read-after-write) and the outbox relay is nudged.
 */
@ApplicationScoped
public class CatalogueService {
    private final CatalogueWriter writer;
    private final CatalogueStore store;
    private final CatalogueState state;
    private final ChangeRelay relay;

    public CatalogueService(CatalogueWriter writer, CatalogueStore store, CatalogueState state, ChangeRelay relay) {
        this.writer = writer;
        this.store = store;
        this.state = state;
        this.relay = relay;
    }

    /** Writes the changes; returns those that changed something (possibly none). */
    public List<CatalogueChange> write(Caller caller, List<CatalogueChange> changes) {
        List<CatalogueChange> written;
        try {
            written = QuarkusTransaction.requiringNew().call(() -> {
                CatalogueWriter.Outcome o = writer.write(caller, changes);
                if (!o.refused().isEmpty()) {
                    throw refusal(o.refused().get(0));
                }
                return o.written();
            });
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                throw ApiProblem.conflict("conflict", "a concurrent write took the same key or identifier; retry");
            }
            throw Outages.isOutage(e) ? new ServiceUnavailableException("the catalogue store (PostgreSQL) is unavailable", e) : e;
        }
        afterCommit(written);
        return written;
    }

    /** Creates a society and its first API key; the key is returned once and only its hash is stored. */
    public BearerKeys.NewKey createSociety(Caller caller, Society society) {
        if (!caller.isOperator()) {
            throw ApiProblem.forbidden("only the registry authority may create societies");
        }
        BearerKeys.NewKey key = BearerKeys.SOCIETY.generate();
        CatalogueChange c = new CatalogueChange.UpsertSociety(society);
        List<CatalogueChange> written = QuarkusTransaction.requiringNew().call(() -> {
            if (!store.find(EntityKind.SOCIETY.table(), List.of(c.entityKey())).isEmpty()) {
                throw ApiProblem.conflict("society-exists", "society " + society.id().value() + " already exists");
            }
            CatalogueWriter.Outcome o = writer.write(caller, List.of(c));
            store.insertSocietyKey(key.keyId(), society.id().value(), key.secretHash());
            return o.written();
        });
        afterCommit(written);
        return key;
    }

    void afterCommit(List<CatalogueChange> written) {
        if (!written.isEmpty()) {
            state.applyLocal(written);
            relay.nudge();
        }
    }

    private static ApiProblem refusal(CatalogueWriter.Refusal r) {
        if (r.status() == 403) {
            return ApiProblem.forbidden(r.message());
        }
        return ApiProblem.conflict(r.code().toLowerCase().replace('_', '-'), r.message());
    }
}
