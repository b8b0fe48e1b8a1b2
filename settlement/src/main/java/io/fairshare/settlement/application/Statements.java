package io.fairshare.settlement.application;

import io.fairshare.settlement.domain.period.PeriodState;
import io.fairshare.settlement.persistence.OutboxStore;
import io.fairshare.settlement.persistence.SettlementStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Issued statements and period states as stored, for the REST resources, and the relay of the
 * statement outbox, for the Kafka side: the adapters reach storage only through here.
 */
@ApplicationScoped
public class Statements {
    private final SettlementStore store;
    private final OutboxStore outbox;

    public Statements(SettlementStore store, OutboxStore outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Publishes one announcement and returns once the broker has acknowledged it. */
    @FunctionalInterface
    public interface Publisher {
        void publish(String statementId, String payload) throws Exception;
    }

    public PeriodState state(String periodId) {
        return store.state(periodId);
    }

    /** Metadata of a period's statements, in id order. */
    public List<StatementRecord> statements(String periodId) {
        return store.statements(periodId);
    }

    /** One statement with its bytes. */
    public Optional<StatementRecord> statement(String statementId) {
        return store.statement(statementId);
    }

    /** Publishes up to {@code limit} pending announcements in order; returns how many were published. */
    public int relayAnnouncements(int limit, Publisher publisher) throws Exception {
        return outbox.relay(limit, publisher::publish);
    }
}
