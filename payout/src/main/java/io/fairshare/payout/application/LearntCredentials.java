package io.fairshare.payout.application;

import io.fairshare.service.credentials.CredentialFeed;
import io.fairshare.service.credentials.LearntCredentialDirectory;
import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Payout's directory of the party ({@code fsp_}) and auditor ({@code fsa_}) keys rights-registry issued, learnt
 * from {@code fairshare.credentials.v1} by {@code messaging.CredentialTopic} (service-support's
 * {@link LearntCredentialDirectory}, read from the beginning at every start): an unknown one is refused (401),
 * or 503 while the topic is still being read at start-up.
 */
@ApplicationScoped
public class LearntCredentials implements ApiKeyDirectory {
    private final LearntCredentialDirectory directory = new LearntCredentialDirectory("payout");

    /** Starts following the topic; the caller closes the feed at shutdown. */
    public CredentialFeed follow(Map<String, Object> kafka) {
        return directory.follow(kafka);
    }

    @Override
    public Optional<Caller> find(String token) {
        return directory.find(token);
    }
}
