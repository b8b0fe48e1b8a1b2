package io.fairshare.settlement.messaging;

import io.fairshare.contracts.Channels;
import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.settlement.application.Statements;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the statement outbox to {@code fairshare.statements.issued.v1}, key = statement id,
 * CloudEvents binary mode headers, each record awaited before its row is marked published.
 */
@ApplicationScoped
public class StatementOutboxRelay {
    private static final Logger LOG = Logger.getLogger(StatementOutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Statements outbox;
    private final MutinyEmitter<String> emitter;

    public StatementOutboxRelay(Statements outbox, @Channel(Channels.STATEMENTS_ISSUED_OUT) MutinyEmitter<String> emitter) {
        this.outbox = outbox;
        this.emitter = emitter;
    }

    /**
     * Skipped until the application runs: the scheduler starts before the messaging graph is wired, and
     * on a slow start-up a relay that ran then met an emitter not yet connected (SRMSG00019).
     */
    @Scheduled(every = "${fairshare.settlement.outbox-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            int n;
            do {
                n = outbox.relayAnnouncements(100, this::publish);
                if (n > 0) {
                    LOG.infof("published %d statement announcement(s)", n);
                }
            } while (n == 100);
        } catch (Exception e) {
            LOG.warnf("statement outbox relay stopped for now: %s", e.toString());
        }
    }

    private void publish(String statementId, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", CloudEventTypes.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", statementId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/settlement".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", CloudEventTypes.STATEMENT_ISSUED.getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        Message<String> m = Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(statementId).withHeaders(headers).build());
        emitter.sendMessage(m).await().atMost(ACK_TIMEOUT);
    }
}
