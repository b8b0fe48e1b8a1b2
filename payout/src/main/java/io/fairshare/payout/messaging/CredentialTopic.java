package io.fairshare.payout.messaging;

import io.fairshare.payout.application.LearntCredentials;
import io.fairshare.service.credentials.CredentialFeed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Reads {@code fairshare.credentials.v1} (rights-registry's issued party and auditor credentials) into
 * {@link LearntCredentials}: from the beginning at every start, then following it (service-support's
 * {@link CredentialFeed}). The topic is compacted by key id, so the start-up read is one record per credential.
 */
@ApplicationScoped
public class CredentialTopic {
    private final Map<String, Object> kafka;
    private final LearntCredentials credentials;
    private CredentialFeed feed;

    public CredentialTopic(@io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafka,
                           LearntCredentials credentials) {
        this.kafka = kafka;
        this.credentials = credentials;
    }

    void onStart(@Observes StartupEvent event) {
        feed = credentials.follow(kafka);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (feed != null) {
            feed.close();
        }
    }
}
