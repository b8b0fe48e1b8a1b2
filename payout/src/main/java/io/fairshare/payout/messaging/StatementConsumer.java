package io.fairshare.payout.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fairshare.contracts.Channels;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.payout.application.PayoutMetrics;
import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.application.StatementMapping;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Books each announcement of {@code fairshare.statements.issued.v1} in one database transaction. The record is
 * acknowledged when this method returns, i.e. after the commit, and the throttled commit strategy then commits
 * its offset; a redelivery after a crash is a DUPLICATE (the statement id is the idempotency key).
 *
 * <p>A message that cannot be booked (not JSON, not a valid statement, refused by the ledger, or failing the
 * same way on every attempt) is recorded in {@code statement_dead_letter} with its reason, counted as
 * {@code outcome=rejected}, and the stream goes on. Only when even that record cannot be written (the database
 * is down) does the exception propagate: the offset is not committed and the channel reports itself unhealthy.
 */
@ApplicationScoped
public class StatementConsumer {
    private static final Logger LOG = Logger.getLogger(StatementConsumer.class);
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PayoutService service;
    private final PayoutMetrics metrics;

    public StatementConsumer(PayoutService service, PayoutMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Incoming(Channels.STATEMENTS_ISSUED_IN)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        StatementIssuedV1 event;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("the message has no value");
            }
            event = JSON.readValue(record.value(), StatementIssuedV1.class);
        } catch (Exception e) {
            deadLetter(record, null, "MALFORMED_MESSAGE", "not a statement-issued.v1 JSON value: " + e.getMessage());
            return;
        }
        IssuedStatement statement = StatementMapping.toDomain(event);
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Result<PayoutService.StatementOutcome> r = service.receiveStatement(statement);
                if (!r.isOk()) {
                    deadLetter(record, event.statementId(), r.rejection().code().name(), r.rejection().message());
                }
                return;
            } catch (RuntimeException e) {
                failure = e;
                LOG.warnf("statement %s: attempt %d of %d failed: %s", event.statementId(), attempt, ATTEMPTS, e.getMessage());
                Thread.sleep(200L * attempt);
            }
        }
        deadLetter(record, event.statementId(), "PROCESSING_FAILED", "failed " + ATTEMPTS + " times: " + failure);
    }

    private void deadLetter(ConsumerRecord<String, String> record, String statementId, String code, String reason) {
        LOG.warnf("statement message %s-%d@%d (key %s) not booked: %s %s", record.topic(), record.partition(), record.offset(), record.key(),
                code, reason);
        service.deadLetter(record.topic(), record.partition(), record.offset(), record.key(), statementId, code, reason, record.value());
        metrics.statement("rejected");
    }
}
